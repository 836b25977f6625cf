package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.CheckOutcome;
import org.gatewaybench.reports.analysis.GatewayIsolation;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.scenarios.load.Overrides;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * scenarios/tenant-isolation.yaml on k3s through the real runner, as {@code --fixture k3s
 * --gateways ingress-nginx,envoy-gateway} runs it: every check the drivers declare runs through the
 * Kubernetes objects each writes (conflicting Ingresses and HTTPRoutes, an ExternalName Service, a
 * backendRef without ReferenceGrant, snippet annotations), from a reach pod in B's namespace, and
 * each ends in a verdict the analysis judges the same way from the journal. Skipped where there is
 * no Docker; needs the backend image tarball (mvn -Pbackend-image -pl backend -am package).
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class TenantIsolationOnK3sDockerTest {

    private static final List<String> GATEWAYS = List.of("ingress-nginx", "envoy-gateway");

    @TempDir
    Path dir;

    @Test
    void everyDeclaredCheckEndsInAVerdictOnEachClusterGateway() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("tenant-isolation.yaml"),
                new Overrides("k3s", GATEWAYS, null, dir.resolve("runs"), null, null));
        FixtureFactory fixtures = K3sFixtures.factory();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Runner.Result result;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            result = new Runner(Clock.SYSTEM, out, fixtures).run(scenario);
        }
        assertThat(result.outcome()).as(result.reason() + "\n" + console).isEqualTo(RunOutcome.COMPLETED);
        History history = JournalReader.read(result.runDir().resolve(JournalReader.NAME));

        List<Events.IsolationVerdict> verdicts = history.select(Events.IsolationVerdict.class).toList();
        assertThat(verdicts).hasSize(GATEWAYS.size() * IsolationCheck.values().length);
        assertThat(verdicts).as("the probe carried every check out\n" + console)
                .noneMatch(v -> v.verdict() == Verdict.INCONCLUSIVE);

        Map<String, GatewayIsolation> isolation = RunAnalysis.of(history).isolation();
        for (Events.IsolationVerdict v : verdicts) {
            CheckOutcome judged = isolation.get(v.gateway()).of(v.check()).orElseThrow();
            assertThat(judged.verdict()).as(v.gateway() + " " + v.check()).isEqualTo(v.verdict());
        }
        GatewayIsolation nginx = isolation.get("ingress-nginx");
        assertThat(nginx.settings()).as("the controller's ConfigMap was read").containsKey("allow-snippet-annotations");
        assertThat(nginx.of(IsolationCheck.CONTROL_PLANE_EXPOSURE).orElseThrow().endpoints())
                .as("the admission webhook was tried from B's namespace")
                .extracting(Events.ControlEndpointTried::endpoint).contains("admission-webhook");
        assertThat(isolation.get("envoy-gateway").of(IsolationCheck.CROSS_NAMESPACE_BACKEND).orElseThrow().verdict())
                .as("a backendRef into A's namespace without a ReferenceGrant is not followed")
                .isIn(Verdict.HELD, Verdict.REFUSED);
        assertThat(isolation.get("envoy-gateway").of(IsolationCheck.SNIPPET_INJECTION).orElseThrow().verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }
}
