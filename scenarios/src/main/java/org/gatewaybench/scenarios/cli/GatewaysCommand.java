package org.gatewaybench.scenarios.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayOption;
import picocli.CommandLine.Command;

@Command(name = "gateways", mixinStandardHelpOptions = true,
        description = "Lists the gateway drivers, the fixtures each runs on, what each needs, its options and how it "
                + "runs each isolation check.")
final class GatewaysCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (GatewayDriver d : GatewayCatalog.all()) {
            System.out.println(d.name() + "  (fixtures: " + d.fixtures().stream().sorted().map(FixtureKind::word)
                    .collect(Collectors.joining(", ")) + ")");
            System.out.println("  " + d.description());
            for (String need : d.requirements()) {
                System.out.println("  needs: " + need);
            }
            for (GatewayOption o : d.options()) {
                System.out.println("  option " + o.name() + " (" + o.typeWord()
                        + ", default " + (o.fallback().isEmpty() ? "none" : o.fallback()) + "): " + o.help());
            }
            // Every fixture of a driver declares its checks the same way; the first says how.
            FixtureKind fixture = d.fixtures().stream().sorted().findFirst().orElseThrow();
            for (IsolationCheck check : IsolationCheck.values()) {
                CheckSupport support = d.isolation(fixture).support(check);
                String mode = switch (support.mode()) {
                    case RUNS -> support.intrusive() ? "runs, intrusive" : "runs";
                    case NOT_APPLICABLE -> "not applicable";
                    case CANNOT_RUN -> "cannot run";
                };
                System.out.println("  isolation " + check + " (" + mode + "): " + support.how());
            }
            System.out.println();
        }
        return 0;
    }
}
