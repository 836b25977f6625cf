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
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.core.journal.RepetitionJournal;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.core.ledger.LedgerEntry;
import org.gatewaybench.core.process.ChildProcesses;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
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

    private final Clock clock;
    private final PrintStream console;
    private final FixtureFactory fixtures;
    private final List<Consumer<Event>> journalListeners;
    private final Ledger ledger;

    public Runner(Clock clock, PrintStream console, FixtureFactory fixtures) {
        this(clock, console, fixtures, List.of());
    }

    /**
     * A runner whose journal also goes to {@code journalListeners} as each event is appended
     * (live harness metrics). Listeners must be quick and must not block.
     */
    public Runner(Clock clock, PrintStream console, FixtureFactory fixtures, List<Consumer<Event>> journalListeners) {
        this(clock, console, fixtures, journalListeners, Ledger.ofUser());
    }

    /** A runner that records what each run starts in {@code ledger}. */
    public Runner(Clock clock, PrintStream console, FixtureFactory fixtures, List<Consumer<Event>> journalListeners,
                  Ledger ledger) {
        this.clock = clock;
        this.console = console;
        this.fixtures = fixtures;
        this.journalListeners = List.copyOf(journalListeners);
        this.ledger = ledger;
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

    /**
     * Runs {@code scenario} into a new run folder. Fails before anything starts, naming the path and
     * the cause, when the run folder, the scenario copy, the ledger entry or the journal cannot be
     * written; a journal that cannot be written later (a full disk) stops the run as failed.
     */
    public Result run(Scenario scenario) throws IOException {
        RunDirectory dir = RunDirectory.create(scenario.output(), scenario.name(), ZonedDateTime.now());
        try {
            Files.copy(scenario.source(), dir.scenarioCopy());
        } catch (IOException e) {
            throw IoErrors.named("copy the scenario to", dir.scenarioCopy(), e);
        }
        LedgerEntry entry = ledger.open(dir.runId(), dir.root());
        AutoCloseable observing = ChildProcesses.observe(entry);
        JournalWriter file;
        try {
            file = JournalWriter.create(dir.journal());
        } catch (IOException e) {
            stopObserving(observing);
            entry.finish(true);
            throw e;
        }
        Teardown teardown = new Teardown();
        ObservedJournal journal = new ObservedJournal(file);
        journalListeners.forEach(journal::listen);
        AtomicReference<RunOutcome> ended = new AtomicReference<>();
        Thread mainThread = Thread.currentThread();
        // A fault that ends the run from another thread (the journal's disk is full, a thread ran out
        // of memory): the first one is the reason; the main thread sees the interrupt and stops.
        AtomicReference<String> abort = new AtomicReference<>();
        file.onFailure(e -> {
            if (abort.compareAndSet(null, e.getMessage() + "; the journal holds what was written before")) {
                mainThread.interrupt();
            }
        });
        Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                if (abort.compareAndSet(null, OutOfMemory.describe(oom) + " (in thread " + thread.getName() + ")")) {
                    mainThread.interrupt();
                }
            } else if (previousHandler != null) {
                previousHandler.uncaughtException(thread, e);
            } else {
                thread.getThreadGroup().uncaughtException(thread, e);
            }
        });
        // Ctrl-C: stop what was started, close the journal as interrupted; the main thread then
        // sees the interrupt and returns, or the JVM exits when this hook is done.
        Thread hook = new Thread(() -> {
            if (ended.compareAndSet(null, RunOutcome.INTERRUPTED)) {
                mainThread.interrupt();
                boolean cleanedUp = teardown.closeAll();
                finish(file, RunOutcome.INTERRUPTED, "interrupted by a signal");
                stopObserving(observing);
                entry.finish(cleanedUp);
                render(dir, file);
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
            journal.append(new Events.VersionsRecorded(clock.now(), null, HarnessVersions.of()));
            Fixture fixture = teardown.add(fixtures.create(scenario.fixture(), dir.root().resolve("fixture"),
                    scenario.gateways().stream().map(GatewaySpec::name).toList()));
            evidence = teardown.add(new FailureEvidence(dir.root(), fixture, journal, clock));
            teardown.add(journal.listen(evidence::onEvent));
            // Before the fixture writes anything: a harness killed from here on leaves the cluster to `clean`.
            fixture.capability(KubernetesFixture.class).flatMap(KubernetesFixture::claim).ifPresent(entry::claim);
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
            if (abort.get() != null) {
                outcome = RunOutcome.FAILED;
                reason = abort.get();
                journal.append(new Events.Note(clock.now(), NoteLevel.ERROR, null, reason));
            } else {
                outcome = RunOutcome.INTERRUPTED;
                reason = "interrupted";
            }
        } catch (Exception e) {
            outcome = RunOutcome.FAILED;
            // After an abort, what the main thread failed with is the interrupt's consequence, not the cause.
            reason = abort.get() != null ? abort.get() : e.getMessage() == null ? e.toString() : e.getMessage();
            journal.append(new Events.Note(clock.now(), NoteLevel.ERROR, null, reason));
            if (evidence != null && abort.get() == null) {
                evidence.now(reason); // before the teardown removes what would explain it
            }
        } catch (OutOfMemoryError e) {
            outcome = RunOutcome.FAILED;
            reason = OutOfMemory.describe(e);
            journal.append(new Events.Note(clock.now(), NoteLevel.ERROR, null, reason));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
        if (!ended.compareAndSet(null, outcome)) {
            waitForHook(hook);
            return new Result(RunOutcome.INTERRUPTED, dir.root(), "interrupted by a signal", verdicts);
        }
        Thread.interrupted(); // an abort's interrupt, if it came after the main thread stopped waiting
        boolean cleanedUp = teardown.closeAll();
        finish(file, outcome, reason);
        stopObserving(observing);
        entry.finish(cleanedUp);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        render(dir, file);
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
                new RouteFactory(scenario.tenants(), backends), scenario.churn(), scenario.seed(), journal, clock,
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
            console.println("warning: " + e.getMessage());
        }
    }

    private void render(RunDirectory dir, JournalWriter journal) {
        String retry = " (render it with: gateway-bench report " + dir.root() + ")";
        if (journal.failure().isPresent()) {
            // The disk that could not take the journal would not take the reports either.
            console.println("reports not rendered: the journal could not be written" + retry);
            return;
        }
        try {
            Reports.Rendering rendering = Reports.render(dir.root());
            rendering.failures().forEach(f -> console.println("warning: " + f.describe()));
            if (rendering.files().isEmpty()) {
                console.println("warning: no analysis of the journal could be computed; no report written");
            } else {
                console.println("report: " + dir.root().resolve("report.html"));
            }
        } catch (IOException | RuntimeException e) {
            console.println("warning: cannot render the report: " + e.getMessage() + retry);
        } catch (OutOfMemoryError e) {
            console.println("warning: cannot render the report: " + OutOfMemory.describe(e) + retry);
        }
    }

    private static void stopObserving(AutoCloseable observing) {
        try {
            observing.close();
        } catch (Exception e) {
            throw new IllegalStateException("removing the ledger's observer failed", e);
        }
    }

    private static void waitForHook(Thread hook) {
        try {
            hook.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
