package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.metrics.HarnessMetrics;
import org.gatewaybench.scenarios.bundle.Replay;
import org.gatewaybench.scenarios.bundle.RunRecord;
import org.gatewaybench.scenarios.doctor.Doctor;
import org.gatewaybench.scenarios.load.Overrides;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.load.ScenarioTree;
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "the scenario file (YAML); not with --replay")
    Path scenario;

    @Option(names = "--replay", paramLabel = "BUNDLE_OR_RUN_DIR",
            description = "reruns a recorded run instead of a scenario file: its scenario as run, the same seed, "
                    + "chart versions pinned; warns when this machine's nginx, HAProxy or harness differ from "
                    + "what the run recorded")
    Path replay;

    @Option(names = "--focus", paramLabel = "ROUTE",
            description = "with --replay: only the gateways that wrote ROUTE (tenant/name or name), the churn cut "
                    + Replay.FOCUS_MARGIN + " writes after its last write; the writes before stay (same seed, "
                    + "same writes, the same state the route met)")
    String focus;

    @Option(names = "--strict-versions",
            description = "with --replay: refuse to start when a version differs from the recorded one")
    boolean strictVersions;

    @Option(names = "--seed", paramLabel = "N", description = "the churn's seed, replacing the scenario's")
    Long seed;

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
        if ((scenario == null) == (replay == null)) {
            System.err.println("error: give a SCENARIO file or --replay BUNDLE_OR_RUN_DIR (one of them)");
            return ExitCode.BAD_INPUT;
        }
        if (focus != null && replay == null) {
            System.err.println("error: --focus needs --replay");
            return ExitCode.BAD_INPUT;
        }
        Overrides overrides = new Overrides(fixture, gateways, routes, output, repeat, seed);
        if (replay == null) {
            return run(ScenarioLoader.load(scenario, overrides));
        }
        Replay rerun;
        try {
            rerun = Replay.of(RunRecord.read(replay));
            if (focus != null) {
                rerun = rerun.focus(focus);
            }
        } catch (IOException | IllegalArgumentException e) { // no such run, not a bundle, not replayable
            System.err.println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        List<String> differences = rerun.versionDifferences();
        differences.forEach(d -> System.err.println((strictVersions ? "error: " : "warning: ") + "version differs: " + d));
        if (strictVersions && !differences.isEmpty()) {
            System.err.println("error: the replay did not start: " + differences.size() + " version(s) differ "
                    + "(without --strict-versions it runs and its journal records both)");
            return ExitCode.FAILED;
        }
        Path file = Files.createTempFile("gateway-bench-replay-", ".yaml");
        try {
            Files.writeString(file, ScenarioTree.yaml(rerun.scenario()));
            System.out.println("replaying " + replay + (focus == null ? "" : " focused on " + focus));
            return run(ScenarioLoader.load(file, overrides));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Integer run(Scenario s) throws Exception {
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
