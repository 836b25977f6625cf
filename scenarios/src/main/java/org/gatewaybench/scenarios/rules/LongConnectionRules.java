package org.gatewaybench.scenarios.rules;

import java.util.List;
import java.util.Optional;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.LongConnectionSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/**
 * Long connections: at least one, held to stable routes, and h2c only through gateways whose data
 * plane carries it.
 */
public final class LongConnectionRules implements SectionRules<LongConnectionSpec> {

    @Override
    public void check(LongConnectionSpec spec, Scenario scenario, Findings findings) {
        if (spec.total() < 1) {
            findings.at("", "at least one connection: websocket, http1, sse or h2c above 0", "none");
        }
        if (scenario.stableRoutes() < 1) {
            findings.atRoot("stableRoutes", "at least 1 stable route when longConnections is set (connections are "
                    + "held only to routes the churn never touches)", String.valueOf(scenario.stableRoutes()));
        }
        if (spec.h2c() > 0) {
            List<String> carriers = GatewayCatalog.all().stream().filter(GatewayDriver::acceptsH2c)
                    .map(GatewayDriver::name).toList();
            for (GatewaySpec g : scenario.gateways()) {
                Optional<GatewayDriver> driver = GatewayCatalog.find(g.name());
                if (driver.isPresent() && !driver.get().acceptsH2c()) {
                    findings.at("h2c", "0 with gateway " + g.name() + ": its data plane does not carry h2c (HTTP/2 "
                            + "cleartext with prior knowledge) on the port it serves routes on; gateways that do: "
                            + (carriers.isEmpty() ? "none" : String.join(", ", carriers)), String.valueOf(spec.h2c()));
                }
            }
        }
    }
}
