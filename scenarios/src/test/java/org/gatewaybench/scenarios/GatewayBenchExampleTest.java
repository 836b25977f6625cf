package org.gatewaybench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.scenarios.load.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a team's own JUnit 5 test runs gateway-bench (the README shows this test): run a lab scenario
 * through the Java API, then hold its figures to bounds written as in a scenario's
 * {@code assertions:} section. It needs nginx and HAProxy on the machine, as {@code bin/setup}
 * installs them.
 */
class GatewayBenchExampleTest {

    @TempDir
    Path runs;

    @Test
    void theRuntimeApiGatewayMeetsTheTargets() throws IOException {
        ScenarioRun run = GatewayBench.run(Path.of("src/test/resources/lab-targets.yaml"),
                Overrides.NONE.withGateways("lab-haproxy-runtime").withOutput(runs), System.out);

        run.requireAssertionsPassed();                            // completed, and met the scenario's own bounds
        run.require("error-polls", "== 0");                       // one more bound, on every gateway of the run
        run.require("activation.p50", "<= 100ms", "lab-haproxy-runtime");

        assertThat(run.summary().gateways()).singleElement()
                .satisfies(g -> assertThat(g.name()).isEqualTo("lab-haproxy-runtime"));
        assertThat(run.assertions()).extracting(AssertionResult::figure)
                .containsExactly("activation.p99", "never-activated");
        assertThat(run.runDir().resolve("report.html")).isRegularFile();
        assertThatThrownBy(() -> run.require("activation.p99", "<= 1ms"))
                .as("a bound no gateway meets fails the test, naming the measured value")
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("lab-haproxy-runtime: activation.p99 = ")
                .hasMessageContaining("bound <= 1ms: failed");
    }
}
