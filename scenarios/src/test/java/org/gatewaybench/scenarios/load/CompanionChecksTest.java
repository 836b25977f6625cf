package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.scenarios.model.FaultSpec;
import org.gatewaybench.scenarios.model.MemorySize;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic, resources and chaos sections: binding, defaults and the rules across fields. */
class CompanionChecksTest {

    @TempDir
    Path dir;

    private static final String BASE = """
            name: small
            stableRoutes: 2
            gateways:
              - name: lab-nginx-reload
            churn:
              phases:
                - kind: ramp
                  to: 10
                  rate: 50
            """;

    private List<Problem> problemsOf(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems, the scenario loaded");
    }

    @Test
    void sectionsBindWithTheirDefaultsAndFaultsInTimeOrder() throws IOException {
        Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), BASE + """
                traffic:
                  rate: 50
                  wrk: {}
                resources: {}
                chaos:
                  - at: 8s
                    action: squeeze
                    target: data-plane
                    memory: 64Mi
                  - at: 2s
                    action: freeze
                    target: controller
                    duration: 3s
                """));
        assertThat(s.traffic().rate()).isEqualTo(50);
        assertThat(s.traffic().duration()).as("until the churn ends").isNull();
        assertThat(s.traffic().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.traffic().wrk().connections()).isEqualTo(1);
        assertThat(s.traffic().wrk().duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.resources().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.chaosInTimeOrder()).containsExactly(
                new FaultSpec(Duration.ofSeconds(2), FaultAction.FREEZE, FaultTarget.CONTROLLER, Duration.ofSeconds(3),
                        null),
                new FaultSpec(Duration.ofSeconds(8), FaultAction.SQUEEZE, FaultTarget.DATA_PLANE, Duration.ofSeconds(5),
                        new MemorySize(64L << 20)));
        assertThat(s.chaos()).as("the file's order").extracting(FaultSpec::action)
                .containsExactly(FaultAction.SQUEEZE, FaultAction.FREEZE);
        assertThat(s.withFixture(FixtureKind.EMBEDDED).chaos()).as("copies keep the new sections").hasSize(2);
    }

    @Test
    void trafficNeedsStableRoutes() throws IOException {
        List<Problem> problems = problemsOf(BASE.replace("stableRoutes: 2", "stableRoutes: 0") + "traffic:\n  rate: 10\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("stableRoutes");
            assertThat(p.expected()).contains("at least 1 stable route");
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void restartNodeIsRefusedOnTheEmbeddedLabWithAClearMessage() throws IOException {
        List<Problem> problems = problemsOf(BASE + """
                chaos:
                  - at: 1s
                    action: restart-node
                    target: node
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("chaos[0].action");
            assertThat(p.expected()).contains("needs fixture k3s").contains("the embedded lab has no node");
            assertThat(p.line()).isEqualTo(12);
        });
    }

    @Test
    void anActionTheGatewayCannotTakeIsRefusedBeforeTheRun() throws IOException {
        List<Problem> problems = problemsOf(BASE + """
                chaos:
                  - at: 1s
                    action: partition
                    target: data-plane
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("chaos[0].action");
            assertThat(p.expected()).isEqualTo("an action lab-nginx-reload supports against the data-plane on "
                    + "fixture embedded: freeze, kill, squeeze");
            assertThat(p.found()).isEqualTo("'partition'");
        });
    }

    @Test
    void squeezeNeedsAMemoryLimitAndOnlySqueezeTakesOne() throws IOException {
        List<Problem> problems = problemsOf(BASE + """
                chaos:
                  - at: 1s
                    action: squeeze
                    target: data-plane
                  - at: 2s
                    action: kill
                    target: data-plane
                    memory: 10Mi
                  - at: 3s
                    action: kill
                    target: node
                """);
        assertThat(problems).extracting(Problem::path)
                .containsExactly("chaos[0].memory", "chaos[1].memory", "chaos[2].target");
    }

    @Test
    void aBadMemorySizeIsAShapeProblem() throws IOException {
        assertThatThrownBy(() -> ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), BASE + """
                chaos:
                  - at: 1s
                    action: squeeze
                    target: data-plane
                    memory: 64MB
                """))).isInstanceOf(ScenarioException.class).hasMessageContaining("a size like 64Mi");
    }

    @Test
    void aClusterActionTheDriverCannotTakeIsRefusedNamingWhatItCanTake() throws IOException {
        List<Problem> problems = problemsOf(BASE.replace("name: lab-nginx-reload", "name: envoy-gateway")
                + "fixture: k3s\n" + """
                chaos:
                  - at: 1s
                    action: freeze
                    target: data-plane
                  - at: 2s
                    action: squeeze
                    target: data-plane
                    memory: 64Mi
                  - at: 3s
                    action: kill
                    target: data-plane
                  - at: 4s
                    action: restart-node
                    target: node
                """);
        assertThat(problems).extracting(Problem::path).containsExactly("chaos[0].action", "chaos[1].action");
        assertThat(problems.get(0).expected()).isEqualTo("an action envoy-gateway supports against the data-plane "
                + "on fixture k3s: kill");
        assertThat(problems.get(0).found()).isEqualTo("'freeze'");
    }

    @Test
    void ciliumCannotBePartitionedButIngressNginxCanBeFrozen() throws IOException {
        List<Problem> problems = problemsOf(BASE.replace("name: lab-nginx-reload", "name: cilium")
                + "fixture: k3s\n" + """
                chaos:
                  - at: 1s
                    action: partition
                    target: controller
                """);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.expected())
                .isEqualTo("an action cilium supports against the controller on fixture k3s: kill, squeeze"));
        Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("n.yaml"),
                BASE.replace("name: lab-nginx-reload", "name: ingress-nginx") + "fixture: k3s\n" + """
                chaos:
                  - at: 1s
                    action: freeze
                    target: controller
                  - at: 5s
                    action: partition
                    target: controller
                """));
        assertThat(s.chaos()).hasSize(2);
    }
}
