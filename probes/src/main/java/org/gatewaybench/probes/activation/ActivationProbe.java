package org.gatewaybench.probes.activation;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;

/**
 * Watches one gateway's data plane until each written route answers as it should: its backend
 * after a create or update, 404 after a delete, {@link ProbeSettings#requiredSuccesses()} times in a
 * row ({@link ActivationRule}). Every answer is journaled as an {@link Events.ProbePoll}; the
 * activation time is computed from those polls, here to stop polling and later by the analyses.
 *
 * <p>Polling is paced: each route at most once per {@link ProbeSettings#pollInterval()}, all
 * routes together within {@link ProbeSettings#maxRequestsPerSecond()}. Pending routes wait in a
 * queue ordered by when they are next due, so when the budget is short every route is polled in
 * turn and the per-route interval grows to pending / budget; each poll records the interval it was
 * taken at, and the probe journals {@link Events.HarnessLag} when it falls behind.
 *
 * <p>All state lives on one Netty event loop, which also runs the connections, so the bookkeeping
 * needs no locks and costs O(log n) per poll. The public methods may be called from any thread.
 *
 * <p>An answer that arrives after its expectation ended (replaced by a newer write of the same
 * route, or given up) is dropped unjournaled, so the journal holds exactly the polls the live rule
 * judged.
 */
public final class ActivationProbe implements AutoCloseable {

    private static final long LAG_REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Weight of the newest interval in {@link ProbeStats#observedIntervalNanos()}. */
    private static final double INTERVAL_AVERAGE_WEIGHT = 1.0 / 32;

    private static final Comparator<Expectation> BY_DUE =
            Comparator.<Expectation>comparingLong(e -> e.nextDueMono).thenComparingLong(e -> e.sequence);
    private static final Comparator<Expectation> BY_DEADLINE =
            Comparator.<Expectation>comparingLong(e -> e.deadlineMono).thenComparingLong(e -> e.sequence);

    private final String gateway;
    private final ProbeSettings settings;
    private final Journal journal;
    private final Clock clock;
    private final long pollIntervalNanos;
    private final Transport transport;
    private final EventLoop loop;
    private final PollClient client;

    // Event-loop state. Ended expectations are removed from the two queues lazily, when they surface.
    private final Map<RouteKey, Expectation> pending = new HashMap<>();
    private final PriorityQueue<Expectation> due = new PriorityQueue<>(BY_DUE);
    private final PriorityQueue<Expectation> deadlines = new PriorityQueue<>(BY_DEADLINE);
    private final TokenBucket budget;
    private long sequence;
    private ScheduledFuture<?> wakeup;
    private long wakeupAtMono;
    private long lastLagReportMono;

    // Written on the event loop, read by stats() and awaitIdle() from any thread.
    private final AtomicLong activated = new AtomicLong();
    private final AtomicLong deactivated = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong pollsSent = new AtomicLong();
    private volatile int pendingCount;
    private volatile long observedIntervalNanos;
    private volatile long lagNanos;
    private volatile boolean closed;
    private final Object idleSignal = new Object();

    /**
     * Starts the probe's event loop; connections open on first use.
     *
     * @param gateway the gateway name written into every event
     * @param dataPlane where the gateway's data plane listens for HTTP
     */
    public ActivationProbe(String gateway, InetSocketAddress dataPlane, ProbeSettings settings, Journal journal,
                           Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dataPlane, "dataPlane");
        this.pollIntervalNanos = settings.pollInterval().toNanos();
        this.transport = Transport.oneThread("activation-probe-" + gateway);
        this.loop = transport.group().next();
        this.client = new PollClient(loop, transport.channelType(), dataPlane, settings.connections(),
                settings.requestTimeout(), clock);
        this.budget = new TokenBucket(settings.maxRequestsPerSecond(), clock.monoNanos());
    }

    /**
     * Waits for {@code route} to answer with its backend, after write {@code op} was acknowledged
     * at {@code t0Mono}. Replaces any pending expectation for the same route.
     *
     * @param previousBackend the route's backend before an update, whose answers count as "not
     *     yet"; null after a create
     */
    public void expectPresent(long op, Route route, long t0Mono, Backend previousBackend) {
        Objects.requireNonNull(route, "route");
        submit(op, route, Expect.PRESENT, previousBackend, t0Mono);
    }

    /**
     * Waits for {@code route} to answer 404, after delete {@code op} was acknowledged at
     * {@code t0Mono}. Replaces any pending expectation for the same route.
     */
    public void expectAbsent(long op, Route route, long t0Mono) {
        Objects.requireNonNull(route, "route");
        submit(op, route, Expect.ABSENT, null, t0Mono);
    }

    /**
     * Waits until no expectation is pending (every route reached its state or was given up), at
     * most {@code max}.
     *
     * @return true if the probe is idle, false if {@code max} passed first
     */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        // The loop runs tasks in order: once this no-op ran, every earlier expectation is registered.
        Future<?> barrier = loop.submit(() -> { });
        if (!barrier.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        synchronized (idleSignal) {
            while (pendingCount > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleSignal, left);
            }
        }
        return true;
    }

    /** Live counters; see {@link ProbeStats}. */
    public ProbeStats stats() {
        int pendingNow = pendingCount;
        long budgetInterval = (long) (pendingNow * 1e9 / settings.maxRequestsPerSecond());
        return new ProbeStats(activated.get(), deactivated.get(), pendingNow, errors.get(), gaveUp.get(),
                pollsSent.get(), Math.max(pollIntervalNanos, budgetInterval), observedIntervalNanos, lagNanos);
    }

    /** The transport in use: "epoll" or "nio". */
    public String transport() {
        return transport.name();
    }

    /**
     * Stops polling and closes the connections. Expectations still pending are neither reached
     * nor given up: drain with {@link #awaitIdle(Duration)} first.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(() -> {
            if (wakeup != null) {
                wakeup.cancel(false);
            }
            client.close();
        });
        transport.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void submit(long op, Route route, Expect expect, Backend previousBackend, long t0Mono) {
        if (closed) {
            throw new IllegalStateException("activation probe of " + gateway + " is closed; cannot expect "
                    + route.key() + " " + expect.word());
        }
        loop.execute(() -> register(op, route, expect, previousBackend, t0Mono));
    }

    // ---- everything below runs on the event loop ----

    private void register(long op, Route route, Expect expect, Backend previousBackend, long t0Mono) {
        Expectation e = new Expectation(op, route, expect, previousBackend, t0Mono,
                settings.timeout().toNanos(), sequence++, settings.requiredSuccesses());
        Expectation replaced = pending.put(route.key(), e);
        if (replaced != null) {
            replaced.ended = true;
        }
        pendingCount = pending.size();
        due.add(e);
        deadlines.add(e);
        pump();
    }

    /** Gives up what is overdue, sends what is due and allowed, and sets the next wake-up. */
    private void pump() {
        if (closed) {
            return;
        }
        long now = clock.monoNanos();
        giveUpOverdue(now);
        Expectation head;
        while ((head = live(due)) != null && head.nextDueMono <= now && client.hasIdleConnection()
                && budget.tryTake(now)) {
            due.poll();
            send(head);
        }
        noteLag(head, now);
        armWakeup(head, now);
    }

    private void send(Expectation e) {
        pollsSent.incrementAndGet();
        client.send(e.route.host(), e.route.pathPrefix(), answer -> answered(e, answer));
    }

    private void answered(Expectation e, Answer answer) {
        if (closed) {
            return; // the "reset" answers of connections closed by close() are not observations
        }
        if (!e.ended) {
            judge(e, answer);
        }
        pump();
    }

    private void judge(Expectation e, Answer answer) {
        AnswerClassifier.Verdict verdict = e.judge(answer);
        long interval = e.lastSentMono < 0 ? 0 : answer.sentMono() - e.lastSentMono;
        e.lastSentMono = answer.sentMono();
        journal.append(new Events.ProbePoll(clock.now(), gateway, e.op, e.route.key(), e.expect,
                verdict.outcome(), answer.status(), verdict.detail(), answer.sentMono(), interval));
        if (interval > 0) {
            long average = observedIntervalNanos;
            observedIntervalNanos = average == 0 ? interval
                    : (long) (average + (interval - average) * INTERVAL_AVERAGE_WEIGHT);
        }
        if (verdict.outcome() == PollOutcome.ERROR) {
            errors.incrementAndGet();
        }
        if (e.rule.observe(verdict.outcome(), answer.sentMono())) {
            (e.expect == Expect.PRESENT ? activated : deactivated).incrementAndGet();
            end(e);
            return;
        }
        e.nextDueMono = answer.sentMono() + pollIntervalNanos;
        due.add(e);
    }

    private void giveUpOverdue(long now) {
        Expectation e;
        while ((e = live(deadlines)) != null && e.deadlineMono <= now) {
            deadlines.poll();
            gaveUp.incrementAndGet();
            journal.append(new Events.ProbeGaveUp(clock.now(), gateway, e.op, e.route.key(), e.expect,
                    now - e.t0Mono));
            end(e);
        }
    }

    /** Stops polling {@code e}; counters and journal must be updated before, as this may wake awaitIdle. */
    private void end(Expectation e) {
        e.ended = true;
        pending.remove(e.route.key(), e);
        pendingCount = pending.size();
        if (pendingCount == 0) {
            synchronized (idleSignal) {
                idleSignal.notifyAll();
            }
        }
    }

    /** The head of {@code queue} after dropping ended expectations; null when empty. */
    private static Expectation live(PriorityQueue<Expectation> queue) {
        Expectation head;
        while ((head = queue.peek()) != null && head.ended) {
            queue.poll();
        }
        return head;
    }

    /** Records how late the most overdue poll is, and journals it when the probe is the bottleneck. */
    private void noteLag(Expectation head, long now) {
        long lag = head != null && head.nextDueMono < now ? now - head.nextDueMono : 0;
        lagNanos = lag;
        if (lag > 2 * pollIntervalNanos && now - lastLagReportMono >= LAG_REPORT_EVERY_NANOS) {
            lastLagReportMono = now;
            journal.append(new Events.HarnessLag(clock.now(), gateway, HarnessComponent.ACTIVATION_PROBE, lag, pending.size()));
        }
    }

    /**
     * Wakes the loop when the head becomes due, a token becomes available or a deadline passes. A
     * busy pool needs no timer: the next answer frees a connection and pumps.
     */
    private void armWakeup(Expectation head, long now) {
        long at = Long.MAX_VALUE;
        if (head != null) {
            if (head.nextDueMono > now) {
                at = head.nextDueMono;
            } else if (client.hasIdleConnection()) {
                at = now + budget.nanosUntilToken(now);
            }
        }
        Expectation firstDeadline = live(deadlines);
        if (firstDeadline != null) {
            at = Math.min(at, firstDeadline.deadlineMono);
        }
        if (at == Long.MAX_VALUE || (wakeup != null && wakeupAtMono <= at)) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel(false);
        }
        wakeupAtMono = at;
        wakeup = loop.schedule(() -> {
            wakeup = null;
            pump();
        }, Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }
}
