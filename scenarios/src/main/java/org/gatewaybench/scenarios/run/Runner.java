package org.gatewaybench.scenarios.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.core.journal.RepetitionJournal;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.probes.activation.ActivationProbe;
import org.gatewaybench.probes.activation.ProbeSettings;
import org.gatewaybench.reports.Reports;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.scenarios.churn.ChurnEngine;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.scenarios.churn.RouteFactory;
import org.gatewaybench.scenarios.load.ScenarioTree;
import org.gatewaybench.scenarios.model.AssertionSpec;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * Runs one validated scenario: fixture up, then for each gateway install, probe, churn, drain,
 * uninstall; then the journal is closed and the reports are rendered from it. Ctrl-C tears down
 * everything that was started and closes the journal as "interrupted", so the partial run can
 * still be reported.
 */
public final class Runner {

    /** The harness's version, journaled with every run and printed by {@code gateway-bench --version}. */
    public static final String HARNESS_VERSION = "0.1.0";

    private final Clock clock;
    private final PrintStream console;
    private final FixtureFactory fixtures;
    private final List<Consumer<Event>> journalListeners;

    public Runner(Clock clock, PrintStream console, FixtureFactory fixtures) {
        this(clock, console, fixtures, List.of());
    }

    /**
     * A runner whose journal also goes to {@code journalListeners} as each event is appended
     * (live harness metrics). Listeners must be quick and must not block.
     */
    public Runner(Clock clock, PrintStream console, FixtureFactory fixtures, List<Consumer<Event>> journalListeners) {
        this.clock = clock;
        this.console = console;
        this.fixtures = fixtures;
        this.journalListeners = List.copyOf(journalListeners);
    }

    /**
     * The result of a run: how it ended, where its folder is, and the verdicts of the scenario's
     * assertions for the gateways whose run ended (none for a gateway whose run failed).
     */
    public record Result(RunOutcome outcome, Path runDir, String reason, List<AssertionResult> assertions) {

        public Result {
            assertions = List.copyOf(assertions);
        }

        /** Whether a gateway missed a bound of the scenario. */
        public boolean assertionFailed() {
            return assertions.stream().anyMatch(a -> !a.passed());
        }
    }

    public Result run(Scenario scenario) throws IOException {
        RunDirectory dir = RunDirectory.create(scenario.output(), scenario.name(), ZonedDateTime.now());
        Files.copy(scenario.source(), dir.scenarioCopy());
        Teardown teardown = new Teardown();
        JournalWriter file = JournalWriter.create(dir.journal());
        ObservedJournal journal = new ObservedJournal(file);
        journalListeners.forEach(journal::listen);
        AtomicReference<RunOutcome> ended = new AtomicReference<>();
        Thread mainThread = Thread.currentThread();
        // Ctrl-C: stop what was started, close the journal as interrupted; the main thread then
        // sees the interrupt and returns, or the JVM exits when this hook is done.
        Thread hook = new Thread(() -> {
            if (ended.compareAndSet(null, RunOutcome.INTERRUPTED)) {
                mainThread.interrupt();
                teardown.closeAll();
                finish(file, RunOutcome.INTERRUPTED, "interrupted by a signal");
                render(dir);
            }
        }, "gateway-bench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);

        RunOutcome outcome = RunOutcome.COMPLETED;
        String reason = null;
        FailureEvidence evidence = null;
        AssertionCheck check = new AssertionCheck(scenario.assertions().stream().map(AssertionSpec::assertion).toList(),
                file, journal, clock, console);
        List<AssertionResult> verdicts = new ArrayList<>();
        try {
            journal.append(new Events.RunStarted(clock.now(), Journal.SCHEMA_VERSION,
                    dir.runId(), scenario.name(), scenario.source().toString(), scenario.fixture().word(), hostName(),
                    Runtime.getRuntime().availableProcessors(),
                    runOrder(scenario), scenario.probe().rule(), ScenarioTree.asMap(scenario)));
            journal.append(new Events.VersionsRecorded(clock.now(), null, harnessVersions()));
            Fixture fixture = teardown.add(fixtures.create(scenario.fixture(), dir.root().resolve("fixture"),
                    scenario.gateways().stream().map(GatewaySpec::name).toList()));
            evidence = teardown.add(new FailureEvidence(dir.root(), fixture, journal, clock));
            teardown.add(journal.listen(evidence::onEvent));
            fixture.start();
            Map<String, String> node = fixture.versions();
            if (!node.isEmpty()) {
                journal.append(new Events.VersionsRecorded(clock.now(), null, node));
            }
            List<Backend> backends = fixture.backendsAfterFirstGateway() ? null
                    : fixture.startBackends(scenario.backends());
            for (int repetition = 1; repetition <= scenario.repeat(); repetition++) {
                for (GatewaySpec spec : scenario.gateways()) {
                    backends = runGateway(scenario, spec, repetition, fixture, backends, dir, journal, teardown,
                            evidence);
                    verdicts.addAll(check.judge(Repetition.journalName(spec.name(), repetition, scenario.repeat())));
                }
            }
        } catch (InterruptedException e) {
            outcome = RunOutcome.INTERRUPTED;
            reason = "interrupted";
        } catch (Exception e) {
            outcome = RunOutcome.FAILED;
            reason = e.getMessage() == null ? e.toString() : e.getMessage();
            journal.append(new Events.Note(clock.now(), NoteLevel.ERROR, null, reason));
            if (evidence != null) {
                evidence.now(reason); // before the teardown removes what would explain it
            }
        }
        if (!ended.compareAndSet(null, outcome)) {
            waitForHook(hook);
            return new Result(RunOutcome.INTERRUPTED, dir.root(), "interrupted by a signal", verdicts);
        }
        teardown.closeAll();
        finish(file, outcome, reason);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        render(dir);
        return new Result(outcome, dir.root(), reason, verdicts);
    }

    /**
     * The gateways' journal names in the order they run: each gateway once, or, with repetitions,
     * every gateway's first repetition, then every second one (a#1 b#1 a#2 b#2), so that drift over
     * the run's time is shared by all.
     */
    static List<String> runOrder(Scenario scenario) {
        List<String> order = new ArrayList<>();
        for (int repetition = 1; repetition <= scenario.repeat(); repetition++) {
            for (GatewaySpec spec : scenario.gateways()) {
                order.add(Repetition.journalName(spec.name(), repetition, scenario.repeat()));
            }
        }
        return order;
    }

    /**
     * Runs one repetition of one gateway and returns the backends ({@code backends} is null when
     * they start after the first install, see {@link Fixture#backendsAfterFirstGateway}). The
     * gateway's events go to the run journal under the repetition's name, while everything in
     * this repetition writes and listens under the driver name.
     */
    private List<Backend> runGateway(Scenario scenario, GatewaySpec spec, int repetition, Fixture fixture,
                                     List<Backend> known, RunDirectory dir, ObservedJournal runJournal,
                                     Teardown teardown, FailureEvidence evidence) throws Exception {
        GatewayDriver driver = GatewayCatalog.find(spec.name()).orElseThrow();
        String name = Repetition.journalName(spec.name(), repetition, scenario.repeat());
        ObservedJournal journal = new ObservedJournal(new RepetitionJournal(runJournal, spec.name(), name));
        console.println("== " + name + ": installing (" + driver.description() + ")");
        // No '#' in paths: the lab writes them into configs where it starts a comment.
        Path workDir = dir.gatewayWorkDir(scenario.repeat() > 1 ? spec.name() + "-" + repetition : spec.name());
        evidence.begin(name);
        Gateway gateway = teardown.add(driver.install(new InstallContext(fixture, journal, clock, spec.options(),
                known == null ? List.of() : known, workDir, evidence::now)));
        evidence.installed(gateway);
        List<Backend> backends = known != null ? known : fixture.startBackends(scenario.backends());
        journal.append(new Events.GatewayStarted(clock.now(), spec.name(),
                gateway.dataPlane().getHostString() + ":" + gateway.dataPlane().getPort(), gateway.details()));
        Map<String, String> versions = gateway.versions();
        if (!versions.isEmpty()) {
            journal.append(new Events.VersionsRecorded(clock.now(), spec.name(), versions));
        }
        var p = scenario.probe();
        ActivationProbe probe = teardown.add(new ActivationProbe(spec.name(), gateway.dataPlane(),
                new ProbeSettings(p.pollInterval(), p.consecutiveSuccesses(), p.timeout(), p.maxRequestsPerSecond(),
                        p.connections(), p.requestTimeout()), journal, clock));
        ChurnEngine churn = teardown.add(new ChurnEngine(spec.name(), gateway.routes(),
                new RouteFactory(scenario.tenants(), backends), scenario.churn(), journal, clock,
                (op, kind, route, previous, t0) -> {
                    if (kind == OpKind.DELETE) {
                        probe.expectAbsent(op, route, t0);
                    } else {
                        probe.expectPresent(op, route, t0, previous == null ? null : previous.backend());
                    }
                }));
        ProgressLine progress = teardown.add(ProgressLine.start(console, name, scenario.churn(), churn,
                probe, clock));
        List<Route> stable = churn.createStableRoutes(scenario.stableRoutes());
        if (!stable.isEmpty() && !probe.awaitIdle(p.timeout().plusSeconds(5))) {
            throw new GatewayException(spec.name() + ": the " + stable.size() + " stable routes did not all activate "
                    + "within " + Durations.format(p.timeout()) + "; see the report");
        }
        if (scenario.isolationSpec().isPresent()) {
            console.println("   isolation checks (" + scenario.isolationSpec().get().checks().size() + ")");
            for (Events.IsolationVerdict v : IsolationStage.run(scenario, scenario.isolationSpec().get(), gateway,
                    backends, journal, clock)) {
                console.println("     " + v.check() + ": " + v.verdict() + " - " + v.reason());
            }
        }
        GatewayRun run = new GatewayRun(scenario, spec, gateway, fixture, backends, stable, workDir, journal, clock);
        List<Companion> companions = new ArrayList<>();
        for (Companion.Factory factory : Companions.all()) {
            factory.start(run).ifPresent(c -> companions.add(teardown.add(c)));
        }
        churn.run();
        Duration drain = p.timeout().plusSeconds(5);
        console.println("   churn done; waiting up to " + Durations.format(drain) + " for pending routes");
        probe.awaitIdle(drain);
        // Newest first: the chaos schedule heals before the traffic ends, which ends before sampling.
        for (int i = companions.size() - 1; i >= 0; i--) {
            teardown.closeNow(companions.get(i));
        }
        teardown.closeNow(progress);
        teardown.closeNow(churn);
        teardown.closeNow(probe);
        teardown.closeNow(gateway);
        evidence.end();
        journal.append(new Events.GatewayStopped(clock.now(), spec.name()));
        console.println("   " + name + " done: " + progress.summary());
        return backends;
    }

    private void finish(JournalWriter journal, RunOutcome outcome, String reason) {
        journal.append(new Events.RunEnded(clock.now(), outcome, reason));
        try {
            journal.close();
        } catch (IOException e) {
            console.println("warning: closing the journal: " + e.getMessage());
        }
    }

    private void render(RunDirectory dir) {
        try {
            Reports.Rendering rendering = Reports.render(dir.root());
            rendering.failures().forEach(f -> console.println("warning: " + f.describe()));
            if (rendering.files().isEmpty()) {
                console.println("warning: no analysis of the journal could be computed; no report written");
            } else {
                console.println("report: " + dir.root().resolve("report.html"));
            }
        } catch (IOException | RuntimeException e) {
            console.println("warning: cannot render the report: " + e.getMessage()
                    + " (retry with: gateway-bench report " + dir.root() + ")");
        }
    }

    private static void waitForHook(Thread hook) {
        try {
            hook.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The harness and the JVM and OS it runs on. */
    private static Map<String, String> harnessVersions() {
        return Map.of("gateway-bench", HARNESS_VERSION,
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
