package org.gatewaybench.probes.traffic;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.time.Wait;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.time.Clock;

/**
 * Sends steady traffic to a gateway's stable routes while churn runs, with Gatling in this JVM.
 * Journals a {@link Events.TrafficWindow} per second as the run goes and one
 * {@link Events.TrafficSummary} at its end; Gatling's HTML report stays in the plan's results
 * folder. One run at a time per JVM (Gatling's engine is started per simulation by class name).
 *
 * <p>The JVM needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED} (Gatling reflects into
 * {@code java.lang}) and a logback configuration (without one Gatling and Netty log at DEBUG).
 */
public final class TrafficProbe {

    /** Time allowed beyond the plan's own bound for Gatling to start and write its report. */
    static final Duration REPORT_ALLOWANCE = Duration.ofMinutes(2);

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Journal journal;
    private final Clock clock;
    private volatile ActiveTraffic active;
    private volatile boolean stopRequested;

    public TrafficProbe(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Starts the traffic on a thread of its own; the future completes with the result once Gatling
     * has written its report, or exceptionally if Gatling failed or overran its bound.
     */
    public CompletableFuture<TrafficResult> start(TrafficPlan plan) {
        CompletableFuture<TrafficResult> result = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                result.complete(run(plan));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "traffic-" + plan.gateway());
        runner.setDaemon(true);
        runner.start();
        return result.orTimeout(plan.maxRunTime().plus(REPORT_ALLOWANCE).toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the traffic has begun (Gatling takes seconds to start in a fresh JVM), so that a
     * churn started afterwards meets traffic from its first write. False when it has not begun
     * within {@code patience}.
     */
    public boolean awaitStarted(Duration patience) {
        try {
            Wait.of("the traffic to begin", patience).every(Duration.ofMillis(20))
                    .until(() -> active != null && active.recorder().startMono() >= 0);
            return true;
        } catch (Wait.Timeout e) {
            return false;
        }
    }

    /** Runs the traffic to its end on the calling thread and returns what Gatling measured. */
    public TrafficResult run(TrafficPlan plan) {
        Path resultsDir = plan.resultsDir().toAbsolutePath();
        Set<Path> earlierReports = reportFolders(resultsDir);
        TrafficRecorder recorder = new TrafficRecorder(clock, journal, plan.gateway(), WINDOW_NANOS);
        ActiveTraffic active = new ActiveTraffic(plan, recorder);
        ActiveTraffic.begin(active);
        this.active = active;
        if (stopRequested) {
            active.stopRequested().set(true);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "traffic-windows-" + plan.gateway());
            t.setDaemon(true);
            return t;
        });
        int status;
        try {
            ticker.scheduleAtFixedRate(recorder::closeFinishedWindows, 1, 1, TimeUnit.SECONDS);
            status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", TrafficSimulation.class.getName(),
                "--results-folder", resultsDir.toString(),
                "--run-description", "gateway-bench traffic to " + plan.gateway()});
        } finally {
            ticker.shutdownNow();
            ActiveTraffic.end(active);
        }
        recorder.closeAll();

        Set<Path> newReports = reportFolders(resultsDir);
        newReports.removeAll(earlierReports);
        if (newReports.size() != 1) {
            throw new IllegalStateException("Gatling run for gateway " + plan.gateway() + " ended with status "
                    + status + " and " + newReports.size() + " new reports in " + resultsDir + "; expected one");
        }
        Path report = newReports.iterator().next();
        GatlingStats stats = GatlingStats.read(report);
        TrafficResult result = new TrafficResult(plan.gateway(), recorder.startMono(), plan.ratePerSecond(), stats,
                recorder.totalByStatus(), recorder.totalWrongBackend(), recorder.windows(), report);
        journal.append(result.toSummary(clock.now()));
        return result;
    }

    /**
     * Ends the running traffic before its planned duration: the next arriving user stops Gatling,
     * which then writes its report as usual. Does nothing when no traffic runs.
     */
    public void stopEarly() {
        stopRequested = true;
        ActiveTraffic running = active;
        if (running != null) {
            running.stopRequested().set(true);
        }
    }

    /** Report folders: Gatling writes one folder per run, holding index.html. */
    private static Set<Path> reportFolders(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return new HashSet<>();
        }
        try (Stream<Path> children = Files.list(resultsDir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("index.html"))).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Gatling results folder " + resultsDir, e);
        }
    }
}
