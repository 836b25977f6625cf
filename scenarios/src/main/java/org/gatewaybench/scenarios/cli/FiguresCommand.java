package org.gatewaybench.scenarios.cli;

import java.util.concurrent.Callable;
import org.gatewaybench.reports.assertion.Figure;
import org.gatewaybench.reports.assertion.Figures;
import picocli.CommandLine.Command;

@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "Lists the figures a scenario's assertions can bound: name, unit (how a bound writes it), "
                + "the analysis it comes from and what it is.")
final class FiguresCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Figure f : Figures.all()) {
            System.out.println(f.name() + "  (" + f.unit() + ": " + f.unit().form() + "; from the " + f.family().word()
                    + " analysis)");
            System.out.println("  " + f.help());
        }
        return ExitCode.OK;
    }
}
