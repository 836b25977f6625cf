package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.scenarios.model.LongConnectionSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The longConnections section: binding, defaults and the rules that need other fields. */
class LongConnectionSectionTest {

    @TempDir
    Path dir;

    private Path write(String gateways, String stableRoutes, String longConnections) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), """
                name: long
                %sgateways:
                %s
                churn:
                  phases:
                    - kind: ramp
                      to: 10
                      rate: 50
                %s""".formatted(stableRoutes, gateways.indent(2).stripTrailing(), longConnections));
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
    void bindsTheCountsAndDefaultsTheRest() throws IOException {
        Scenario s = ScenarioLoader.load(write("- name: lab-haproxy-runtime", "stableRoutes: 2\n", """
                longConnections:
                  websocket: 5
                  h2c: 3
                """));
        assertThat(s.longConnectionSpec()).contains(new LongConnectionSpec(5, 0, 0, 3, Duration.ofSeconds(1)));
    }

    @Test
    void noSectionMeansNoLongConnections() throws IOException {
        assertThat(ScenarioLoader.load(write("- name: lab-haproxy-runtime", "", "")).longConnectionSpec()).isEmpty();
    }

    @Test
    void longConnectionsNeedStableRoutes() throws IOException {
        List<Problem> problems = problemsOf(write("- name: lab-haproxy-runtime", "", """
                longConnections:
                  sse: 2
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("stableRoutes");
            assertThat(p.line()).as("located in the section that needs them").isEqualTo(10);
            assertThat(p.expected()).contains("at least 1 stable route");
            assertThat(p.found()).isEqualTo("0");
        });
    }

    @Test
    void aSectionWithoutConnectionsIsRefused() throws IOException {
        List<Problem> problems = problemsOf(write("- name: lab-haproxy-runtime", "stableRoutes: 1\n", """
                longConnections:
                  interval: 500ms
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("longConnections");
            assertThat(p.found()).isEqualTo("none");
        });
    }

    @Test
    void h2cIsRefusedForAGatewayThatCannotCarryItAndSaysWhichCan() throws IOException {
        List<Problem> problems = problemsOf(write("""
                - name: lab-nginx-reload
                - name: lab-haproxy-runtime
                """, "stableRoutes: 1\n", """
                longConnections:
                  websocket: 1
                  h2c: 2
                """));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("longConnections.h2c");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.expected()).contains("lab-nginx-reload").contains("does not carry h2c")
                    .endsWith("gateways that do: lab-haproxy-runtime");
            assertThat(p.found()).isEqualTo("2");
        });
    }

    @Test
    void h2cIsCheckedAgainstTheGatewaysGivenOnTheCommandLine() throws IOException {
        Path file = write("- name: lab-haproxy-runtime", "stableRoutes: 1\n", """
                longConnections:
                  h2c: 2
                """);
        assertThat(ScenarioLoader.load(file).longConnectionSpec()).isPresent();
        try {
            ScenarioLoader.load(file, new Overrides(null, List.of("lab-nginx-reload"), null, null, null));
            throw new AssertionError("expected h2c through lab-nginx-reload to be refused");
        } catch (ScenarioException e) {
            assertThat(e.problems()).extracting(Problem::path).containsExactly("longConnections.h2c");
        }
    }
}
