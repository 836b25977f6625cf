package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * ingress-nginx on k3s through the real runner: its data-plane pod is deleted mid-run and the
 * node (the k3s container) is restarted later; the journal shows both faults healed, the traffic
 * recovering after the kill, pod resources from metrics.k8s.io and the controller's reload
 * metrics. Skipped where there is no Docker; needs the backend image tarball
 * (mvn -Pbackend-image -pl backend -am package).
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class ClusterChaosDockerTest {

    @TempDir
    Path dir;

    @Test
    void killedDataPlaneAndRestartedNodeRecoverAndAreMeasured() throws Exception {
        Path file = Files.writeString(dir.resolve("chaos.yaml"), """
                name: cluster-chaos
                fixture: k3s
                tenants: 3
                backends: 2
                stableRoutes: 2
                gateways:
                  - name: ingress-nginx
                churn:
                  phases:
                    - kind: steady
                      rate: 1
                      population: 10
                      duration: 150s
                probe:
                  timeout: 3m
                traffic:
                  rate: 10
                  requestTimeout: 2s
                resources:
                  interval: 5s
                chaos:
                  - at: 20s
                    action: kill
                    target: data-plane
                    duration: 5s
                  - at: 70s
                    action: restart-node
                    target: node
                    duration: 10s
                output: %s
                """.formatted(dir.resolve("runs")));
        FixtureFactory fixtures = K3sFixtures.factory();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Runner.Result result;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            result = new Runner(Clock.SYSTEM, out, fixtures).run(ScenarioLoader.load(file));
        }
        assertThat(result.outcome()).as(result.reason() + "\n" + console).isEqualTo(RunOutcome.COMPLETED);
        History history = JournalReader.read(result.runDir().resolve(JournalReader.NAME));

        assertThat(history.select(Events.FaultStarted.class).toList()).extracting(Events.FaultStarted::action)
                .containsExactly(FaultAction.KILL, FaultAction.RESTART_NODE);
        assertThat(history.select(Events.FaultHealed.class).toList()).hasSize(2)
                .allSatisfy(h -> assertThat(h.ok()).as(h.detail()).isTrue());

        List<FaultRecovery> faults = RunAnalysis.of(history).faults().get("ingress-nginx").faults();
        FaultRecovery kill = faults.get(0);
        assertThat(kill.trafficErrorsDuring()).as("requests fail while the pod is replaced").isPositive();
        assertThat(kill.trafficRecoverySeconds()).as("traffic answers again after the heal").isFinite();

        assertThat(history.select(Events.ResourceSummary.class)
                .filter(s -> s.component().equals("controller+data-plane") && s.processes() > 0).count())
                .as("pods sampled from metrics.k8s.io").isPositive();
        assertThat(history.select(Events.GatewayMetric.class)
                .filter(m -> m.name().equals("nginx_ingress_controller_config_last_reload_successful")).count())
                .as("reload metrics scraped through the port-forward").isPositive();
    }
}
