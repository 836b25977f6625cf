package org.gatewaybench.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.metrics.HarnessMetrics;
import org.gatewaybench.scenarios.doctor.Doctor;
import org.gatewaybench.scenarios.load.Overrides;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.run.FixtureFactory;
import org.gatewaybench.scenarios.run.FixtureOptions;
import org.gatewaybench.scenarios.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario: installs each gateway, churns routes, probes them, judges the scenario's "
                + "assertions, writes the journal and the reports into a new folder under the scenario's output folder. "
                + "Exit codes: 0 completed, 1 failed (or did not start), 2 invalid input, 3 completed but an assertion "
                + "failed, 130 interrupted.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file (YAML)")
    Path scenario;

    @Option(names = "--fixture", paramLabel = "NAME",
            description = "where the gateways run, replacing the scenario's: embedded, k3s or kubeconfig")
    String fixture;

    @Option(names = "--gateways", split = ",", paramLabel = "NAME[,NAME...]",
            description = "the gateways to compare, replacing the scenario's list")
    List<String> gateways;

    @Option(names = "--routes", paramLabel = "N",
            description = "replaces every ramp target and steady population of the scenario")
    Integer routes;

    @Option(names = "--repeat", paramLabel = "N",
            description = "runs every gateway N times, interleaved (a b a b ...), replacing the scenario's repeat; "
                    + "the reports give each figure's median over the repetitions with a 95%% confidence interval")
    Integer repeat;

    @Option(names = "--output", paramLabel = "DIR", description = "folder for the run folder, replacing the scenario's")
    Path output;

    @Option(names = "--kube-context", paramLabel = "CONTEXT",
            description = "the kubeconfig context to use with --fixture kubeconfig (required there)")
    String kubeContext;

    @Option(names = "--k3s-images", paramLabel = "DIR",
            description = "with --fixture k3s: a folder of image tarballs (docker save) the node imports when it "
                    + "starts, so that the gateways' images need no pull")
    Path k3sImages;

    @Option(names = "--registry-mirror", paramLabel = "FILE",
            description = "with --fixture k3s: a k3s registries.yaml naming mirrors of Docker Hub and other registries")
    Path registries;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve the harness's live metrics (Prometheus text) at http://127.0.0.1:PORT/metrics "
                    + "while the run goes, for watching a long soak; 0 takes a free port. Off unless given.")
    Integer metricsPort;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioLoader.load(scenario, new Overrides(fixture, gateways, routes, output, repeat));
        try (HarnessMetrics metrics = new HarnessMetrics()) {
            List<Consumer<Event>> listeners = List.of();
            if (metricsPort != null) {
                int port = metrics.serve(metricsPort);
                System.out.println("harness metrics: http://127.0.0.1:" + port + "/metrics");
                listeners = List.of(metrics);
            }
            return run(s, listeners);
        }
    }

    private Integer run(Scenario s, List<Consumer<Event>> listeners) throws Exception {
        FixtureOptions fixtureOptions = new FixtureOptions(kubeContext, k3sImages, registries);
        List<Check> problems = Doctor.ofThisMachine().problems(s, fixtureOptions);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println(p.line()));
            System.err.println("error: the run did not start: " + problems.size() + " problem(s) above "
                    + "(gateway-bench doctor checks them all)");
            return ExitCode.FAILED;
        }
        Runner.Result result = new Runner(Clock.SYSTEM, System.out, new FixtureFactory(fixtureOptions), listeners).run(s);
        System.out.println("run " + result.outcome().word() + ": " + result.runDir());
        if (result.reason() != null) {
            System.err.println((result.outcome() == RunOutcome.FAILED ? "error: " : "") + result.reason());
        }
        result.assertions().stream().filter(a -> !a.passed())
                .forEach(a -> System.err.println("assertion failed: " + a.describe()));
        return ExitCode.of(result.outcome(), result.assertionFailed());
    }
}
