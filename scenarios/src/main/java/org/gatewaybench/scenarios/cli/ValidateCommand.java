package org.gatewaybench.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gatewaybench.scenarios.load.ScenarioException;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scenario files without running them; every problem is printed with its file, line "
                + "and field. Exit code 2 if any file is invalid.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files (YAML)")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = 0;
        for (Path file : files) {
            try {
                Scenario s = ScenarioLoader.load(file);
                System.out.println(file + ": ok (" + s.gateways().size() + " gateways, "
                        + s.churn().phases().size() + " phases, fixture " + s.fixture() + ")");
            } catch (ScenarioException e) {
                System.err.println(e.getMessage());
                exit = ExitCode.BAD_INPUT;
            }
        }
        return exit;
    }
}
