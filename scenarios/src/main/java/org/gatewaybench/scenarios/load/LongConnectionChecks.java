package org.gatewaybench.scenarios.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.LongConnectionSpec;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * Rules across fields for the longConnections section, checked after the command-line overrides
 * (they change the gateways): it asks for at least one connection, needs stable routes to hold
 * them to, and asks for h2c only from gateways whose data plane carries it. Each problem is
 * located at the field that breaks the rule.
 */
final class LongConnectionChecks {

    private LongConnectionChecks() {
    }

    static List<Problem> check(YamlDocument doc, Scenario scenario) {
        Optional<LongConnectionSpec> asked = scenario.longConnectionSpec();
        if (asked.isEmpty()) {
            return List.of();
        }
        LongConnectionSpec spec = asked.get();
        Path file = doc.file();
        List<Problem> problems = new ArrayList<>();
        if (spec.total() < 1) {
            problems.add(new Problem(file, doc.lineOf("longConnections"), "longConnections",
                    "at least one connection: websocket, http1, sse or h2c above 0", "none"));
        }
        if (scenario.stableRoutes() < 1) {
            String at = doc.root().has("stableRoutes") ? "stableRoutes" : "longConnections";
            problems.add(new Problem(file, doc.lineOf(at), "stableRoutes",
                    "at least 1 stable route when longConnections is set (connections are held only to routes "
                            + "the churn never touches)", String.valueOf(scenario.stableRoutes())));
        }
        if (spec.h2c() > 0) {
            List<String> carriers = GatewayCatalog.all().stream().filter(GatewayDriver::acceptsH2c)
                    .map(GatewayDriver::name).toList();
            for (GatewaySpec g : scenario.gateways()) {
                Optional<GatewayDriver> driver = GatewayCatalog.find(g.name());
                if (driver.isPresent() && !driver.get().acceptsH2c()) {
                    problems.add(new Problem(file, doc.lineOf("longConnections.h2c"), "longConnections.h2c",
                            "0 with gateway " + g.name() + ": its data plane does not carry h2c (HTTP/2 cleartext "
                                    + "with prior knowledge) on the port it serves routes on; gateways that do: "
                                    + (carriers.isEmpty() ? "none" : String.join(", ", carriers)),
                            String.valueOf(spec.h2c())));
                }
            }
        }
        return problems;
    }
}
