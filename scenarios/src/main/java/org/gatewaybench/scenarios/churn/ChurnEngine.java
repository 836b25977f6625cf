package org.gatewaybench.scenarios.churn;

import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.core.journal.HarnessComponent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteApiException;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.Phase;

/**
 * Runs the churn phases against one gateway's route API: writes at the phase's rate, at most
 * {@code concurrency} in flight. Each write is journaled when sent (with the time the schedule
 * wanted it sent, so lag behind schedule is visible) and when acknowledged (the route's t0).
 * When writes cannot keep up, the schedule is not compressed: lag grows and is journaled.
 */
public final class ChurnEngine implements AutoCloseable {

    /** Lag behind schedule above which a {@link Events.HarnessLag} is journaled (at most once a second). */
    static final long LAG_REPORT_NANOS = 100_000_000L;

    private final String gateway;
    private final RouteApi api;
    private final RouteFactory factory;
    private final ChurnSpec spec;
    private final Journal journal;
    private final Clock clock;
    private final ChurnListener listener;
    private final ExecutorService writers;
    private final Semaphore slots;
    private final LiveRoutes live;
    private final AtomicLong nextOp = new AtomicLong(1);
    private final ChurnProgress progress = new ChurnProgress();
    private long nextRouteIndex;
    private long lastLagReport;
    private volatile boolean stopped;

    /**
     * @param seed the scenario's seed: with the same seed (and every write acknowledged) the churn
     *             sends the same writes in the same order, whatever the route API's timing
     */
    public ChurnEngine(String gateway, RouteApi api, RouteFactory factory, ChurnSpec spec, long seed, Journal journal,
                       Clock clock, ChurnListener listener) {
        this.live = new LiveRoutes(seed);
        this.gateway = gateway;
        this.api = api;
        this.factory = factory;
        this.spec = spec;
        this.journal = journal;
        this.clock = clock;
        this.listener = listener;
        this.writers = Executors.newFixedThreadPool(spec.concurrency(), r -> {
            Thread t = new Thread(r, "churn-" + gateway);
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(spec.concurrency());
    }

    /** Live counters for the progress line. */
    public ChurnProgress progress() {
        return progress;
    }

    /**
     * Creates {@code count} stable routes, as fast as the concurrency allows, in a phase of kind
     * "setup" that comes before the churn phases. The churn never updates or deletes them.
     *
     * @return the stable routes whose creation the API acknowledged
     */
    public List<Route> createStableRoutes(int count) throws InterruptedException {
        List<Route> created = new CopyOnWriteArrayList<>();
        if (count == 0) {
            return List.of();
        }
        journal.append(new Events.PhaseStarted(clock.now(), gateway, -1, "stable-routes", PhaseKind.SETUP, count));
        for (int i = 0; i < count && !stopped; i++) {
            Route route = factory.stable(i);
            slots.acquire();
            send(new Write(OpKind.CREATE, route, null, () -> created.add(route)), clock.monoNanos());
        }
        slots.acquire(spec.concurrency());
        slots.release(spec.concurrency());
        journal.append(new Events.PhaseEnded(clock.now(), gateway, -1, "stable-routes"));
        return List.copyOf(created);
    }

    /** Runs every phase in order; returns early (between writes) after {@link #stop()}. */
    public void run() throws InterruptedException {
        for (int i = 0; i < spec.phases().size() && !stopped; i++) {
            Phase phase = spec.phases().get(i);
            long planned = planned(phase);
            progress.startPhase(i, phase, planned);
            journal.append(new Events.PhaseStarted(clock.now(), gateway, i, phase.name(), phase.kind(), planned));
            runPhase(phase, planned);
            slots.acquire(spec.concurrency()); // every write of the phase acknowledged
            slots.release(spec.concurrency());
            journal.append(new Events.PhaseEnded(clock.now(), gateway, i, phase.name()));
        }
    }

    /** Writes this phase will send, as far as known when it starts (for progress and ETA). */
    private long planned(Phase phase) {
        int now = liveSize();
        if (phase instanceof Phase.Ramp ramp) {
            return Math.max(0, ramp.to() - now);
        }
        if (phase instanceof Phase.Steady steady) {
            return (long) Math.ceil(steady.rate() * steady.duration().toNanos() / 1e9);
        }
        return now;
    }

    private void runPhase(Phase phase, long planned) throws InterruptedException {
        long start = clock.monoNanos();
        double intervalNanos = 1e9 / phase.rate();
        for (long k = 0; !stopped; k++) {
            if (spec.stopAfter() > 0 && nextOp.get() > spec.stopAfter()) {
                stopped = true; // the focus of a replay is behind: the writes after it are cut
                return;
            }
            if (phase instanceof Phase.Steady steady) {
                if (k >= planned) {
                    return;
                }
            }
            long scheduled = start + (long) (k * intervalNanos);
            waitUntil(scheduled);
            slots.acquire();
            Write write = choose(phase);
            if (write == null) {
                slots.release();
                return; // ramp reached its target, nothing left to delete, or stopped
            }
            send(write, scheduled);
        }
    }

    /** One route write; {@code onAck} (may be null) runs after the API acknowledged it. */
    private record Write(OpKind kind, Route route, Route previous, Runnable onAck) {
        Write(OpKind kind, Route route, Route previous) {
            this(kind, route, previous, null);
        }
    }

    /** Picks the next write from what the churn believes exists; null when the phase is done. */
    private synchronized Write choose(Phase phase) throws InterruptedException {
        if (phase instanceof Phase.Ramp ramp) {
            return live.size() < ramp.to() ? create() : null;
        }
        if (phase instanceof Phase.DeleteAll) {
            return delete();
        }
        Phase.Steady steady = (Phase.Steady) phase;
        if (live.size() < steady.population()) {
            return create();
        }
        if (live.size() > steady.population()) {
            return delete();
        }
        // At the population: update, delete, create in turn, which keeps it about constant.
        return switch ((int) (progress.phaseSent() % 3)) {
            case 0 -> update();
            case 1 -> delete();
            default -> create();
        };
    }

    private Write create() {
        Route route = factory.route(nextRouteIndex++);
        live.put(route);
        live.busy(route.key());
        return new Write(OpKind.CREATE, route, null);
    }

    private Write update() throws InterruptedException {
        Route current = pickIdle();
        if (current == null) {
            return null;
        }
        Route next = factory.updated(current);
        live.put(next);
        live.busy(next.key());
        return new Write(OpKind.UPDATE, next, current);
    }

    private Write delete() throws InterruptedException {
        Route victim = pickIdle();
        if (victim == null) {
            return null;
        }
        live.remove(victim.key());
        live.busy(victim.key());
        return new Write(OpKind.DELETE, victim, null);
    }

    /**
     * The seed's next pick, once no write to it is in flight: waiting for that write's answer
     * (rare, and short) instead of picking another keeps the sequence of writes the seed's alone.
     * Null when no route exists or the churn is stopped. Called holding this engine's monitor.
     */
    private Route pickIdle() throws InterruptedException {
        Route picked = live.pick();
        while (picked != null && live.inFlight(picked.key())) {
            if (stopped) {
                return null;
            }
            wait(100);
            // A refused write in flight may have undone the picked route: then pick again.
            Route now = live.get(picked.key());
            picked = now != null ? now : live.pick();
        }
        return picked;
    }

    private void send(Write write, long scheduled) {
        long op = nextOp.getAndIncrement();
        Route r = write.route();
        var invoked = clock.now();
        journal.append(new Events.OpInvoked(invoked, gateway, op, write.kind(), r.key(), r.host(),
                r.pathPrefix(), r.backend().id(), scheduled));
        progress.sent(invoked.mono() - scheduled);
        reportLag(invoked.mono() - scheduled);
        writers.execute(() -> {
            try {
                apply(write);
                var acked = clock.now();
                journal.append(new Events.OpCompleted(acked, gateway, op, write.kind(), r.key(), true, null, null));
                progress.acked(write.kind());
                listener.acked(op, write.kind(), r, write.previous(), acked.mono());
                if (write.onAck() != null) {
                    write.onAck().run();
                }
            } catch (RuntimeException e) {
                Refusal refusal = e instanceof RouteApiException refused ? refused.refusal() : Refusal.OTHER;
                journal.append(new Events.OpCompleted(clock.now(), gateway, op, write.kind(), r.key(), false,
                        String.valueOf(e.getMessage()), refusal));
                progress.refused();
                undo(write);
            } finally {
                synchronized (this) {
                    live.idle(r.key());
                    notifyAll();
                }
                slots.release();
            }
        });
    }

    private void apply(Write write) {
        switch (write.kind()) {
            case CREATE -> api.create(write.route());
            case UPDATE -> api.update(write.route());
            case DELETE -> api.delete(write.route().key());
        }
    }

    /** A refused write leaves the route as it was. */
    private synchronized void undo(Write write) {
        switch (write.kind()) {
            case CREATE -> live.remove(write.route().key());
            case UPDATE -> live.put(write.previous());
            case DELETE -> live.put(write.route());
        }
    }

    private synchronized int liveSize() {
        return live.size();
    }

    private void reportLag(long lag) {
        long now = clock.monoNanos();
        if (lag > LAG_REPORT_NANOS && now - lastLagReport > 1_000_000_000L) {
            lastLagReport = now;
            journal.append(new Events.HarnessLag(clock.now(), gateway, HarnessComponent.CHURN, lag,
                    spec.concurrency() - slots.availablePermits()));
        }
    }

    private void waitUntil(long mono) throws InterruptedException {
        long wait;
        while ((wait = mono - clock.monoNanos()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Ends the run after the writes in flight; safe from another thread. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stopped = true;
        writers.shutdown();
        try {
            writers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }
}
