package org.gatewaybench.scenarios.rules;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.scenarios.model.FaultSpec;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/**
 * A fault must be one the fixture (restart-node) or every gateway of the run (the others) can
 * take, with a memory limit exactly when it squeezes.
 */
public final class FaultRules implements SectionRules<FaultSpec> {

    @Override
    public void check(FaultSpec f, Scenario s, Findings findings) {
        boolean squeeze = f.action() == FaultAction.SQUEEZE;
        if (squeeze && f.memory() == null) {
            findings.at("memory", "a memory limit for squeeze, like 64Mi", "none");
        } else if (!squeeze && f.memory() != null) {
            findings.at("memory", "no memory limit: only squeeze takes one", "memory for " + f.action());
        }
        boolean nodeAction = f.action() == FaultAction.RESTART_NODE;
        if (nodeAction != (f.target() == FaultTarget.NODE)) {
            findings.at("target", nodeAction ? "node (restart-node restarts the node)"
                    : "controller or data-plane (only restart-node targets the node)", "'" + f.target() + "'");
            return;
        }
        if (nodeAction) {
            if (!s.fixture().restartsNodes()) {
                findings.at("action", "an action the fixture can take: restart-node restarts the k3s container and "
                        + "needs fixture k3s (the embedded lab has no node; a kubeconfig cluster's nodes are not the "
                        + "harness's to restart)", "restart-node on fixture " + s.fixture());
            }
            return; // the node is the fixture's, whatever gateway runs on it
        }
        for (GatewaySpec g : s.gateways()) {
            Optional<GatewayDriver> driver = GatewayCatalog.find(g.name());
            if (driver.isEmpty()) {
                continue; // reported by the gateway's own rules
            }
            Set<FaultAction> supported = driver.get().faults(s.fixture(), f.target());
            if (!supported.contains(f.action())) {
                String words = supported.stream().map(FaultAction::word).sorted().collect(Collectors.joining(", "));
                findings.at("action", "an action " + g.name() + " supports against the " + f.target() + " on fixture "
                        + s.fixture() + ": " + (words.isEmpty() ? "none" : words), "'" + f.action() + "'");
            }
        }
    }
}
