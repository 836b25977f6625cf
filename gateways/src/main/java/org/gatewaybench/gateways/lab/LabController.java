package org.gatewaybench.gateways.lab;

import org.gatewaybench.core.journal.NoteLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;

/**
 * The in-harness controller of a lab gateway: watches a route API and brings the data plane to
 * it. Changes are coalesced: one apply takes everything that arrived while the previous apply
 * ran, the apply delay passed or the sync rate limit held, so thousands of writes per second
 * make a few applies, not thousands. Each apply is journaled as ConfigApplyStarted/Ended.
 * Chaos can pause it (a frozen controller) and replace it by a fresh one that resyncs from the
 * route API (a restarted controller).
 */
public final class LabController implements AutoCloseable {

    /**
     * How the controller paces applies.
     *
     * @param applyDelay     how long after a change the controller applies it
     * @param delayEach      true: each change is applied exactly {@code applyDelay} after the watch
     *                       delivered it (the route API's acknowledgement, microseconds earlier), so
     *                       a known delay holds under any write rate; false: the controller waits
     *                       {@code applyDelay} once per batch, and later changes of the batch wait less
     * @param syncRateLimit  the least time between the starts of two applies
     */
    public record Pacing(Duration applyDelay, boolean delayEach, Duration syncRateLimit) {
    }

    /** A change and when the watch delivered it. */
    private record Pending(RouteChange change, long seenNanos) {
    }

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String gateway;
    private final RouteApi routes;
    private final LabDataPlane dataPlane;
    private final RouteTable table;
    private final Journal journal;
    private final Clock clock;
    private final Pacing pacing;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread loop;
    private final Object gate = new Object();
    private boolean paused;
    private volatile List<RouteChange> resync = List.of();
    private AutoCloseable watch;
    private volatile long applies;
    private long lastApplyStartedNanos;
    private boolean appliedOnce;

    public LabController(String gateway, RouteApi routes, LabDataPlane dataPlane, RouteTable table, Journal journal,
                         Clock clock, Pacing pacing) {
        this(gateway, routes, dataPlane, table, journal, clock, pacing, 0);
    }

    /**
     * A controller whose first apply is numbered {@code appliesBefore + 1}: a successor of a
     * controller that made that many, so apply numbers stay unique in the journal.
     */
    public LabController(String gateway, RouteApi routes, LabDataPlane dataPlane, RouteTable table, Journal journal,
                         Clock clock, Pacing pacing, long appliesBefore) {
        this.applies = appliesBefore;
        this.gateway = gateway;
        this.routes = routes;
        this.dataPlane = dataPlane;
        this.table = table;
        this.journal = journal;
        this.clock = clock;
        this.pacing = pacing;
        this.loop = new Thread(this::run, gateway + "-controller");
        this.loop.setDaemon(true);
    }

    /** Starts watching and applying. */
    public void start() {
        watch = routes.watch(this::watched);
        loop.start();
    }

    private void watched(RouteChange change) {
        pending.add(new Pending(change, clock.monoNanos()));
    }

    /**
     * Starts as a restarted controller does: watches, lists every route of the API and brings the
     * data plane (whose state {@code table} mirrors) to that list before it takes watched
     * changes. The watch opens before the list, so no change falls between them; changes already
     * in the list and watched again are applied again to the same effect.
     */
    public void startResynced() {
        watch = routes.watch(this::watched);
        Map<RouteKey, Route> listed = routes.list().stream()
                .collect(Collectors.toMap(Route::key, Function.identity(), (a, b) -> b));
        List<RouteChange> changes = new ArrayList<>();
        for (Route known : table.routes()) {
            if (!listed.containsKey(known.key())) {
                changes.add(new RouteChange(RouteChange.Kind.DELETED, known));
            }
        }
        listed.values().forEach(r -> changes.add(new RouteChange(RouteChange.Kind.MODIFIED, r)));
        resync = changes;
        loop.start();
    }

    /** Applies nothing until {@link #resume()}; an apply under way finishes first. */
    public void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    /** Takes up applying again, with every change that arrived while paused in the next apply. */
    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    /** How many applies this controller and its predecessors started. */
    public long applies() {
        return applies;
    }

    private void run() {
        try {
            if (!resync.isEmpty()) {
                applyBatch(resync);
                resync = List.of();
            }
            while (!Thread.currentThread().isInterrupted()) {
                Pending first = pending.take();
                long delay = pacing.applyDelay().toNanos();
                sleep(pacing.delayEach() ? first.seenNanos() + delay - clock.monoNanos() : delay);
                if (appliedOnce) {
                    sleep(lastApplyStartedNanos + pacing.syncRateLimit().toNanos() - clock.monoNanos());
                }
                awaitResumed();
                List<RouteChange> batch = new ArrayList<>();
                batch.add(first.change());
                if (pacing.delayEach()) {
                    // Only the changes already due: the queue is in delivery order, so the first not due ends it.
                    long now = clock.monoNanos();
                    for (Pending p = pending.peek(); p != null && p.seenNanos() + delay <= now; p = pending.peek()) {
                        batch.add(pending.poll().change());
                    }
                } else {
                    List<Pending> rest = new ArrayList<>();
                    pending.drainTo(rest);
                    rest.forEach(p -> batch.add(p.change()));
                }
                applyBatch(batch);
            }
        } catch (InterruptedException stopped) {
            // closed
        }
    }

    private void applyBatch(List<RouteChange> batch) throws InterruptedException {
        RouteTable.Diff diff = table.apply(batch);
        for (String refused : diff.refused()) {
            journal.append(new Events.Note(clock.now(), NoteLevel.WARNING, gateway, refused));
        }
        if (diff.changes().isEmpty()) {
            return;
        }
        long apply = ++applies;
        AtomicBoolean started = new AtomicBoolean();
        Runnable markStarted = () -> {
            if (started.compareAndSet(false, true)) {
                lastApplyStartedNanos = clock.monoNanos();
                appliedOnce = true;
                journal.append(new Events.ConfigApplyStarted(clock.now(), gateway, apply, dataPlane.mechanism(),
                        table.routeCount(), batch.size()));
            }
        };
        ApplyOutcome outcome;
        try {
            outcome = dataPlane.apply(table, diff.changes(), markStarted);
        } catch (RuntimeException e) {
            outcome = ApplyOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        markStarted.run();
        journal.append(new Events.ConfigApplyEnded(clock.now(), gateway, apply, dataPlane.mechanism(), outcome.ok(),
                outcome.detail()));
    }

    private void awaitResumed() throws InterruptedException {
        synchronized (gate) {
            while (paused) {
                gate.wait();
            }
        }
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** Stops watching and waits for an apply in progress to end (or be interrupted). */
    @Override
    public void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // Stopping a watch cannot fail in a way that matters here: the gateway is going away.
            }
        }
        loop.interrupt();
        try {
            loop.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
