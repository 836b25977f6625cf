package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.scenarios.model.IsolationSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The isolation section: binding, defaults, and every way it is refused, each at file:line:field. */
class IsolationSectionTest {

    @TempDir
    Path dir;

    private Path write(String fixture, String gateway, String isolation) throws IOException {
        return Files.writeString(dir.resolve("iso.yaml"), """
                name: iso
                fixture: %s
                backends: 3
                gateways:
                  - name: %s
                churn:
                  phases:
                    - kind: ramp
                      to: 10
                      rate: 50
                %s""".formatted(fixture, gateway, isolation));
    }

    private static List<Problem> problemsOf(Path file) {
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("expected the scenario to be refused");
    }

    @Test
    void anAbsentListMeansEveryCheckAndTheBoundsTakeTheirDefaults() throws IOException {
        Scenario s = ScenarioLoader.load(write("embedded", "lab-nginx-reload", "isolation: {}\n"));

        IsolationSpec spec = s.isolationSpec().orElseThrow();
        assertThat(spec.checks()).containsExactly(IsolationCheck.values());
        assertThat(spec.bystanderTenants()).containsExactly("iso-quiet-1", "iso-quiet-2", "iso-quiet-3");
        assertThat(spec.bounds()).isEqualTo(new IsolationSpec.Bounds(3, Duration.ofMillis(50), Duration.ofSeconds(5)));
        assertThat(spec.storm()).isEqualTo(new IsolationSpec.Storm(1000, 500));
        assertThat(spec.intrusive()).isFalse();
        assertThat(ScenarioTree.yaml(s)).contains("intrusive: false").contains("- noisy-neighbour");
    }

    @Test
    void anUnknownCheckIsNamedWithItsLine() throws IOException {
        List<Problem> problems = problemsOf(write("embedded", "lab-nginx-reload", """
                isolation:
                  checks:
                    - same-host-same-path
                    - dns-rebinding
                """));
        assertThat(problems).singleElement().hasToString("iso.yaml:14: isolation.checks[1]: expected one of "
                + "same-host-same-path, sub-path-capture, wildcard-capture, cross-namespace-backend, config-poisoning, "
                + "snippet-injection, control-plane-exposure, noisy-neighbour, found 'dns-rebinding'");
    }

    @Test
    void boundsOutOfRangeAreEachRefused() throws IOException {
        List<Problem> problems = problemsOf(write("embedded", "lab-nginx-reload", """
                isolation:
                  bystanders: 0
                  bounds:
                    latencyRatio: 1
                    stall: 10ms
                  storm:
                    routes: 200000
                  intrusive: maybe
                """));
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "iso.yaml:12: isolation.bystanders: expected a whole number from 1 to 50, found 0",
                "iso.yaml:14: isolation.bounds.latencyRatio: expected a number > 1 and <= 1000, found 1",
                "iso.yaml:15: isolation.bounds.stall: expected a duration like 250ms, 2s or 5m, at least 100ms, "
                        + "found '10ms'",
                "iso.yaml:17: isolation.storm.routes: expected a whole number from 1 to 100000, found 200000",
                "iso.yaml:18: isolation.intrusive: expected true or false, found 'maybe'");
    }

    @Test
    void rulesAcrossFieldsNameWhatTheyNeed() throws IOException {
        Path file = Files.writeString(dir.resolve("iso.yaml"), """
                name: iso
                backends: 1
                gateways:
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - kind: ramp
                      to: 10
                      rate: 50
                isolation:
                  victim: same
                  attacker: same
                  storm:
                    routes: 100000
                    rate: 1
                """);
        assertThat(problemsOf(file)).extracting(Problem::toString).containsExactlyInAnyOrder(
                "iso.yaml:2: backends: expected at least 2 backends when isolation is set (A's routes and B's answer "
                        + "from different backends), found 1",
                "iso.yaml:12: isolation.attacker: expected a tenant other than the victim 'same', found 'same'",
                "iso.yaml:14: isolation.storm.routes: expected a storm of at most 600s (routes / rate), found 100000 "
                        + "routes at 1.0/s");
    }

    @Test
    void anIntrusiveCheckOnAKubeconfigClusterNeedsTheScenarioToOptIn() throws IOException {
        List<Problem> problems = problemsOf(write("kubeconfig", "ingress-nginx", """
                isolation:
                  checks:
                    - same-host-same-path
                    - snippet-injection
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.path()).isEqualTo("isolation.checks[1]");
            assertThat(p.expected()).startsWith("isolation.intrusive: true to run snippet-injection on a kubeconfig "
                    + "cluster: on gateway ingress-nginx it annotation nginx.ingress.kubernetes.io/server-snippet");
        });

        Scenario optedIn = ScenarioLoader.load(write("kubeconfig", "ingress-nginx", """
                isolation:
                  intrusive: true
                  checks: [snippet-injection]
                """));
        assertThat(optedIn.isolationSpec().orElseThrow().checks()).containsExactly(IsolationCheck.SNIPPET_INJECTION);
        assertThat(ScenarioLoader.load(write("k3s", "ingress-nginx", "isolation: {checks: [snippet-injection]}\n"))
                .isolationSpec()).as("a cluster the harness made is its own to write into").isPresent();
    }

    @Test
    void aGatewayOnAFixtureItDoesNotRunOnIsRefusedOnceNotOncePerCheck() throws IOException {
        List<Problem> problems = problemsOf(write("embedded", "ingress-nginx", "isolation: {}\n"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("gateways[0].name"));
    }

    @Test
    void everyCheckRunsOnTheLabAndOnAClusterDriverOnItsOwnFixture() throws IOException {
        assertThat(ScenarioLoader.load(write("embedded", "lab-haproxy-runtime", "isolation: {}\n")).isolationSpec()
                .orElseThrow().checks()).hasSize(8);
        assertThat(ScenarioLoader.load(write("k3s", "cilium", "isolation: {}\n")).isolationSpec().orElseThrow()
                .checks()).hasSize(8);
    }
}
