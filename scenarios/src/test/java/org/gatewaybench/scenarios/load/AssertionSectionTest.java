package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.gatewaybench.reports.assertion.Figure;
import org.gatewaybench.reports.assertion.Figures;
import org.gatewaybench.scenarios.model.AssertionSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions section: binding, and every bound refused at its file, line and field. */
class AssertionSectionTest {

    @TempDir
    Path dir;

    /** A scenario whose assertions start at line 9. */
    private Path write(String assertions) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), """
                name: judged
                gateways:
                  - name: lab-nginx-reload
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - {kind: ramp, to: 10, rate: 50}
                assertions:
                %s""".formatted(assertions.indent(2)));
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
    void bindsEachAssertionAndKeepsTheBoundAsWritten() throws IOException {
        Scenario s = ScenarioLoader.load(write("""
                - figure: activation.p99
                  bound: "<= 5s"
                - {figure: never-activated, bound: "== 0", gateways: [lab-haproxy-runtime]}
                """));
        assertThat(s.assertions()).containsExactly(new AssertionSpec("activation.p99", "<= 5s", List.of()),
                new AssertionSpec("never-activated", "== 0", List.of("lab-haproxy-runtime")));
        assertThat(s.assertions().get(1).assertion().appliesTo("lab-nginx-reload")).isFalse();
        assertThat(ScenarioTree.asMap(s).get("assertions")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
    }

    @Test
    void noSectionMeansNoAssertions() throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                name: plain
                gateways: [{name: lab-haproxy-runtime}]
                churn: {phases: [{kind: ramp, to: 10, rate: 50}]}
                """);
        assertThat(ScenarioLoader.load(file).assertions()).isEmpty();
    }

    @Test
    void everyUnknownFigureAndImpossibleBoundIsNamedAtItsLine() throws IOException {
        List<Problem> problems = problemsOf(write("""
                - {figure: activation.p999, bound: "<= 5s"}
                - {figure: activation.p99, bound: "<= 512MiB"}
                - {figure: activation.p99, bound: "<= -5s"}
                - {figure: never-activated, bound: "< 0"}
                - {figure: traffic.error-rate, bound: "<= 120%"}
                - {figure: never-activated, bound: "== 0", gateways: [envoy-gateway]}
                """));
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "s.yaml:9: assertions[0].figure: expected a figure of the reports: "
                        + String.join(", ", Figures.all().stream().map(Figure::name).toList())
                        + ", found 'activation.p999'",
                "s.yaml:10: assertions[1].bound: expected a duration like 250ms, 5s or 1m (activation.p99 is a duration), "
                        + "found '512MiB', a size",
                "s.yaml:11: assertions[2].bound: expected a duration like 250ms, 5s or 1m, never negative (activation.p99 "
                        + "is a duration), found '<= -5s'",
                "s.yaml:12: assertions[3].bound: expected a bound some value of the figure can meet (never-activated is "
                        + "a count), found '< 0', which no count can meet",
                "s.yaml:13: assertions[4].bound: expected a percentage like 0.1%, from 0% to 100% (traffic.error-rate is "
                        + "a percentage), found '120%', more than 100%",
                "s.yaml:13: assertions[4].figure: expected a figure this scenario measures: traffic.error-rate needs a "
                        + "traffic section, found 'traffic.error-rate' without one",
                "s.yaml:14: assertions[5].gateways[0]: expected a gateway of this run: lab-nginx-reload, "
                        + "lab-haproxy-runtime, found 'envoy-gateway'");
    }

    @Test
    void aBoundWithoutComparisonFailsTheFieldsForm() throws IOException {
        assertThat(problemsOf(write("- {figure: activation.p99, bound: 5s}"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("assertions[0].bound");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.expected()).isEqualTo("a bound like '<= 5s'");
        });
    }
}
