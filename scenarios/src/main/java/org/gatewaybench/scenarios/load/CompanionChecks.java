package org.gatewaybench.scenarios.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.probes.traffic.TrafficPlan;
import org.gatewaybench.probes.traffic.WrkRunner;
import org.gatewaybench.scenarios.model.FaultSpec;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.TrafficSpec;

/**
 * Rules across fields of the traffic, resources and chaos sections, checked after the command-line
 * overrides (they change the fixture and the gateways): traffic needs stable routes, each fault
 * must be one every gateway of the run can take on its fixture, and so on. Each problem is located
 * at the field that breaks the rule.
 */
final class CompanionChecks {

    private CompanionChecks() {
    }

    static List<Problem> check(YamlDocument doc, Scenario scenario) {
        List<Problem> problems = new ArrayList<>();
        scenario.trafficSpec().ifPresent(t -> traffic(doc, scenario, t, problems));
        for (int i = 0; i < scenario.chaos().size(); i++) {
            // Faults are sorted by time; find each one's place in the file for its line.
            FaultSpec f = scenario.chaos().get(i);
            String path = "chaos[" + indexInFile(doc, f, i) + "]";
            fault(doc, scenario, f, path, problems);
        }
        return problems;
    }

    private static void traffic(YamlDocument doc, Scenario s, TrafficSpec t, List<Problem> problems) {
        Path file = doc.file();
        if (s.stableRoutes() < 1) {
            int line = doc.lineOf("stableRoutes");
            problems.add(new Problem(file, line > 0 ? line : doc.lineOf("traffic"), "stableRoutes",
                    "at least 1 stable route when traffic is set (traffic goes only to stable routes)",
                    String.valueOf(s.stableRoutes())));
        }
        if (t.duration() != null && t.duration().compareTo(TrafficPlan.MAX_DURATION) > 0) {
            problems.add(new Problem(file, doc.lineOf("traffic.duration"), "traffic.duration",
                    "at most " + Durations.format(TrafficPlan.MAX_DURATION), Durations.format(t.duration())));
        }
        Duration planned = t.duration() != null ? t.duration() : TrafficPlan.MAX_DURATION;
        long requests = (long) Math.ceil(t.rate() * planned.toMillis() / 1000.0);
        if (t.duration() != null && requests > TrafficPlan.MAX_REQUESTS) {
            problems.add(new Problem(file, doc.lineOf("traffic.rate"), "traffic.rate",
                    "at most " + TrafficPlan.MAX_REQUESTS + " requests in all (rate x duration)",
                    requests + " requests"));
        }
        if (t.wrk() != null && t.wrk().duration().compareTo(WrkRunner.MAX_DURATION) > 0) {
            problems.add(new Problem(file, doc.lineOf("traffic.wrk.duration"), "traffic.wrk.duration",
                    "at most " + Durations.format(WrkRunner.MAX_DURATION), Durations.format(t.wrk().duration())));
        }
    }

    private static void fault(YamlDocument doc, Scenario s, FaultSpec f, String path, List<Problem> problems) {
        Path file = doc.file();
        boolean squeeze = f.action() == FaultAction.SQUEEZE;
        if (squeeze && f.memoryLimitBytes() <= 0) {
            problems.add(new Problem(file, doc.lineOf(path), path + ".memory",
                    "a memory limit for squeeze, like 64Mi", "none"));
        } else if (!squeeze && f.memoryLimitBytes() > 0) {
            problems.add(new Problem(file, doc.lineOf(path + ".memory"), path + ".memory",
                    "no memory limit: only squeeze takes one", "memory for " + f.action().word()));
        }
        boolean nodeAction = f.action() == FaultAction.RESTART_NODE;
        if (nodeAction != (f.target() == FaultTarget.NODE)) {
            problems.add(new Problem(file, doc.lineOf(path + ".target"), path + ".target",
                    nodeAction ? "node (restart-node restarts the node)" : "controller or data-plane (only restart-node targets the node)",
                    "'" + f.target().word() + "'"));
            return;
        }
        if (nodeAction && !s.fixture().restartsNodes()) {
            problems.add(new Problem(file, doc.lineOf(path + ".action"), path + ".action",
                    "an action the fixture can take: restart-node restarts the k3s container and needs fixture k3s "
                            + "(the embedded lab has no node; a kubeconfig cluster's nodes are not the harness's to restart)",
                    "restart-node on fixture " + s.fixture()));
        }
        if (nodeAction) {
            return; // the node is the fixture's, whatever gateway runs on it
        }
        for (GatewaySpec g : s.gateways()) {
            Optional<GatewayDriver> driver = GatewayCatalog.find(g.name());
            if (driver.isEmpty()) {
                continue; // reported by the gateway checks
            }
            Set<FaultAction> supported = driver.get().faults(s.fixture(), f.target());
            if (!supported.contains(f.action())) {
                Set<String> words = new TreeSet<>();
                supported.forEach(a -> words.add(a.word()));
                problems.add(new Problem(file, doc.lineOf(path + ".action"), path + ".action",
                        "an action " + g.name() + " supports against the " + f.target().word() + " on fixture "
                                + s.fixture() + ": " + (words.isEmpty() ? "none" : String.join(", ", words)),
                        "'" + f.action().word() + "'"));
            }
        }
    }

    /** The index of {@code f} in the file's chaos list: the first entry with its time, action and target. */
    private static int indexInFile(YamlDocument doc, FaultSpec f, int fallback) {
        var listed = doc.root().get("chaos");
        if (listed == null) {
            return fallback;
        }
        for (int i = 0; i < listed.size(); i++) {
            var node = listed.get(i);
            if (node.path("action").asText().equals(f.action().word())
                    && node.path("target").asText().equals(f.target().word())
                    && Durations.parse(node.path("at").asText()).equals(f.at())) {
                return i;
            }
        }
        return fallback;
    }
}
