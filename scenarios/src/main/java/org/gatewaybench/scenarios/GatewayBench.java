package org.gatewaybench.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.scenarios.doctor.Doctor;
import org.gatewaybench.scenarios.load.Overrides;
import org.gatewaybench.scenarios.load.ScenarioException;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.run.FixtureFactory;
import org.gatewaybench.scenarios.run.FixtureOptions;
import org.gatewaybench.scenarios.run.Runner;

/**
 * Runs a scenario from Java, as {@code gateway-bench run} does, for a team's own tests (JUnit 5 or
 * any other): the same validation, the same checks of the machine, the same run folder with its
 * journal and reports. What it returns holds the run's summary (summary.json's content) and judges
 * assertions written as in a scenario's {@code assertions:} section:
 *
 * <pre>{@code
 * ScenarioRun run = GatewayBench.run(Path.of("scenarios/quickstart.yaml"));
 * run.requireCompleted();
 * run.require("activation.p99", "<= 5s");                        // every gateway of the run
 * run.require("never-activated", "== 0", "lab-haproxy-runtime");  // one gateway
 * run.requireAssertionsPassed();                                  // the scenario's own assertions
 * }</pre>
 *
 * A run on the embedded lab needs nginx and HAProxy on the machine (bin/setup installs them) and
 * Gatling's {@code --add-opens=java.base/java.lang=ALL-UNNAMED} when the scenario sends traffic.
 */
public final class GatewayBench {

    private GatewayBench() {
    }

    /** Runs {@code scenario} as its file says, printing progress to standard output. */
    public static ScenarioRun run(Path scenario) throws IOException {
        return run(scenario, Overrides.NONE, System.out);
    }

    /**
     * Runs {@code scenario} with {@code overrides} (fixture, gateways, route count, output folder:
     * the options of {@code gateway-bench run}), printing progress to {@code console}.
     *
     * @throws ScenarioException when the scenario is invalid (every problem with its file, line and
     *     field); nothing was started
     * @throws IllegalStateException when the machine lacks what the run needs (the doctor's
     *     problems, each with its fix); nothing was started
     * @throws IOException when the run folder cannot be written
     */
    public static ScenarioRun run(Path scenario, Overrides overrides, PrintStream console) throws IOException {
        Scenario s = ScenarioLoader.load(scenario, overrides);
        List<Check> problems = Doctor.ofThisMachine().problems(s, FixtureOptions.NONE);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the run did not start: " + problems.stream().map(Check::line)
                    .collect(Collectors.joining("; ")));
        }
        Runner.Result result = new Runner(Clock.SYSTEM, console, new FixtureFactory(FixtureOptions.NONE)).run(s);
        return ScenarioRun.of(result);
    }
}
