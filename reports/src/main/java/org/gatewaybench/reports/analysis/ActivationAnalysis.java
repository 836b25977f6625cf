package org.gatewaybench.reports.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;

/**
 * Route activation judged from the journal: for every write, t0 is its acknowledgement and the
 * moment of activation is where core's {@link ActivationRule} holds over the write's probe polls,
 * taken in the order they were sent. The probe used the same rule live, so the two agree. The
 * same polls are judged again by the rule with one correct answer: the time to the first correct
 * answer, the rule of gateway-api-bench's published figures, so a run can be read next to them.
 *
 * <p>Polls are judged as they stream by and then forgotten; a write keeps its verdict so far, never
 * its polls. The probe has one poll of a write in flight at a time and journals it when answered,
 * so a write's polls arrive in sending order. Polls of a write that arrive out of that order are
 * put back in order within {@link #REORDER_WINDOW_NANOS} of journal time; one later than that
 * fails the analysis, naming its line, rather than being judged out of order.
 */
final class ActivationAnalysis implements Fold {

    /** How much later than a poll sent after it a poll may be journaled and still be judged in order. */
    static final long REORDER_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Error kinds named by the probe in a poll's detail; other errors are named by status. */
    private static final Set<String> DETAIL_KINDS = Set.of("wrong-backend", "reset", "timeout");

    private final int required;
    private final PerGateway<Writes> gateways = new PerGateway<>(Writes::new);

    /** @param required OK answers in a row that make a route active (see {@link RunAnalysis#requiredSuccesses}) */
    ActivationAnalysis(int required) {
        this.required = required;
    }

    /**
     * The kind of an error answer: the probe's word for it (wrong-backend, reset, timeout) when its
     * detail starts with one, else "status N" for an HTTP status, else the detail's first word.
     */
    static String errorKind(Events.ProbePoll poll) {
        String detail = poll.detail() == null ? "" : poll.detail().strip();
        String word = detail.split("[:\\s]", 2)[0];
        if (DETAIL_KINDS.contains(word)) {
            return word;
        }
        if (poll.status() > 0) {
            return "status " + poll.status();
        }
        return word.isEmpty() ? "unknown" : word;
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.PhaseStarted p) {
            gateways.of(p.gateway()).phase = p.index();
        } else if (e instanceof Events.PhaseEnded p) {
            Writes w = gateways.of(p.gateway());
            if (w.phase == p.index()) {
                w.phase = -1;
            }
        } else if (e instanceof Events.OpInvoked o) {
            Writes w = gateways.of(o.gateway());
            w.track(o.op()).invoked(o, w.phase, w.lastAcked.get(o.route()));
        } else if (e instanceof Events.OpCompleted c) {
            Writes w = gateways.of(c.gateway());
            Track t = w.track(c.op());
            t.completed(c);
            if (c.ok()) {
                Track before = w.lastAcked.put(c.route().equals(t.route) ? t.route : c.route(), t);
                if (before != null) {
                    before.superseded = true;
                }
            }
        } else if (e instanceof Events.ProbePoll p) {
            gateways.of(p.gateway()).poll(p, required);
        } else if (e instanceof Events.ProbeGaveUp g) {
            gateways.of(g.gateway()).track(g.op()).gaveUp = true;
        }
    }

    /** Activation per gateway, in the layout's gateway order. */
    Map<String, GatewayActivation> result(RunLayout layout) {
        return gateways.results(layout, (gateway, w) -> {
            for (Track t : w.tracks.values()) {
                t.judge(Long.MAX_VALUE, required);
            }
            return judge(gateway, w.tracks, layout);
        });
    }

    /** The writes of one gateway, and its polls waiting to be judged in sending order. */
    private static final class Writes {
        final Map<Long, Track> tracks = new LinkedHashMap<>();
        final Map<RouteKey, Track> lastAcked = new HashMap<>();
        /** The churn phase running now; -1 outside phases. */
        int phase = -1;
        /** Writes with polls waiting, one entry per poll, in journal order. */
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        /** The latest journal time of a poll of this gateway. */
        long now = Long.MIN_VALUE;

        Track track(long op) {
            return tracks.computeIfAbsent(op, o -> new Track());
        }

        void poll(Events.ProbePoll p, int required) {
            Track t = track(p.op());
            t.poll(p);
            long arrived = p.at().mono();
            now = Math.max(now, arrived);
            waiting.add(new Waiting(t, arrived));
            // Polls sent this long before the newest can no longer be overtaken: judge them.
            long settled = now - REORDER_WINDOW_NANOS;
            while (!waiting.isEmpty() && waiting.peek().arrivedMono() <= settled) {
                waiting.poll().track().judge(settled, required);
            }
        }
    }

    private record Waiting(Track track, long arrivedMono) {
    }

    /** Everything the journal says about one write, with its polls judged so far. */
    private static final class Track {
        OpKind kind;
        RouteKey route;
        String host;
        String path;
        boolean invoked;
        long invokedMono;
        long scheduledMono;
        boolean completed;
        long ackMono;
        boolean ok;
        String error;
        boolean gaveUp;
        boolean superseded;
        int phaseIndex = -1;
        int errorPolls;
        /** Error answers by kind; null until the first. */
        Map<String, Long> errorsByKind;
        /** Polls not judged yet, in sending order; null when none. */
        SentOrder pending;
        /** The rule over the polls judged so far; null before the first and once reached. */
        ActivationRule rule;
        /** The rule of one correct answer over the same polls; lives as long as {@link #rule}. */
        ActivationRule firstAnswerRule;
        /** When the first correct answer was sent; -1 before. */
        long firstAnswerSent = -1;
        /** When the first poll of the streak that made the write reach its state was sent; -1 before. */
        long reachedAtSent = -1;
        /** When the last judged poll was sent. */
        long judgedUpTo = Long.MIN_VALUE;
        /** The interval of the first poll (in sending order) sent at {@link #judgedUpTo}. */
        long intervalAtJudged;
        /** The interval of the first poll of the current streak of OK answers. */
        long streakInterval;

        /** @param before the write acknowledged last for the same route, whose strings this one shares; or null */
        void invoked(Events.OpInvoked o, int phase, Track before) {
            invoked = true;
            kind = o.kind();
            boolean same = before != null && o.route().equals(before.route);
            route = same ? before.route : o.route();
            host = same && Objects.equals(o.host(), before.host) ? before.host : o.host();
            path = same && Objects.equals(o.path(), before.path) ? before.path : o.path();
            invokedMono = o.at().mono();
            scheduledMono = o.scheduledMono();
            phaseIndex = phase;
        }

        void completed(Events.OpCompleted c) {
            if (!invoked) {
                kind = c.kind();
                route = c.route();
            }
            completed = true;
            ackMono = c.at().mono();
            ok = c.ok();
            error = c.error();
        }

        void poll(Events.ProbePoll p) {
            if (p.outcome() == PollOutcome.ERROR) {
                errorPolls++;
                if (errorsByKind == null) {
                    errorsByKind = new TreeMap<>();
                }
                errorsByKind.merge(errorKind(p), 1L, Long::sum);
            }
            if (p.sentMono() < judgedUpTo) {
                throw new IllegalStateException("poll of write " + p.op() + " of " + p.gateway() + " sent at "
                        + p.sentMono() + " ns arrives after polls sent later were judged: more than "
                        + TimeUnit.NANOSECONDS.toSeconds(REORDER_WINDOW_NANOS) + " s out of sending order");
            }
            if (reached()) {
                return; // sent after the write reached its state: it changes nothing
            }
            if (pending == null) {
                pending = new SentOrder();
            }
            pending.add(p.sentMono(), p.intervalNanos(), p.outcome());
        }

        /** Feeds the rule the waiting polls sent up to {@code settled}, in sending order. */
        void judge(long settled, int required) {
            if (pending == null) {
                return;
            }
            while (!pending.isEmpty() && pending.firstSent() <= settled) {
                long sent = pending.firstSent();
                long interval = pending.firstInterval();
                PollOutcome outcome = pending.firstOutcome();
                pending.removeFirst();
                if (rule == null) {
                    rule = new ActivationRule(required);
                    firstAnswerRule = new ActivationRule(1);
                }
                if (firstAnswerRule.observe(outcome, sent)) {
                    firstAnswerSent = firstAnswerRule.reachedAtSent();
                }
                if (sent != judgedUpTo) {
                    intervalAtJudged = interval;
                }
                judgedUpTo = sent;
                boolean streakStarts = outcome == PollOutcome.OK && rule.streak() == 0;
                boolean reached = rule.observe(outcome, sent);
                if (streakStarts) {
                    streakInterval = intervalAtJudged;
                }
                if (reached) {
                    reachedAtSent = rule.reachedAtSent();
                    rule = null;
                    firstAnswerRule = null;
                    pending = null;
                    return;
                }
            }
            if (pending.isEmpty()) {
                pending = null;
            }
        }

        boolean reached() {
            return reachedAtSent >= 0;
        }
    }

    private static GatewayActivation judge(String gateway, Map<Long, Track> tracks, RunLayout layout) {
        Figures overall = new Figures();
        Map<Integer, Figures> byPhase = new LinkedHashMap<>();
        for (PhaseSpan span : layout.phases(gateway)) {
            byPhase.put(span.index(), new Figures());
        }
        List<OpVerdict> verdicts = new ArrayList<>();
        for (Map.Entry<Long, Track> entry : tracks.entrySet()) {
            Track t = entry.getValue();
            Figures phase = byPhase.get(t.phaseIndex);
            if (!t.invoked && !t.completed) {
                // Polls of a write this journal does not hold (e.g. it began mid-run): errors still count.
                overall.errors(t);
                continue;
            }
            OpVerdict v = verdict(gateway, entry.getKey(), t, layout);
            verdicts.add(v);
            overall.add(v, t);
            if (phase != null) {
                phase.add(v, t);
            }
        }
        verdicts.sort(Comparator.comparingDouble(v -> Double.isNaN(v.ackedSeconds())
                ? Double.MAX_VALUE : v.ackedSeconds()));
        List<PhaseActivation> phases = new ArrayList<>();
        for (PhaseSpan span : layout.phases(gateway)) {
            phases.add(new PhaseActivation(span, byPhase.get(span.index()).figures()));
        }
        return new GatewayActivation(gateway, overall.figures(), phases, verdicts);
    }

    private static OpVerdict verdict(String gateway, long op, Track t, RunLayout layout) {
        Expect expect = Expect.after(t.kind);
        if (!t.completed) {
            return new OpVerdict(op, t.kind, t.route, t.host, t.path, expect, t.phaseIndex,
                    OpVerdict.State.UNACKNOWLEDGED, Double.NaN, -1, -1, -1, t.errorPolls, null);
        }
        double acked = layout.secondsSinceStart(gateway, t.ackMono);
        if (!t.ok) {
            return new OpVerdict(op, t.kind, t.route, t.host, t.path, expect, t.phaseIndex, OpVerdict.State.FAILED,
                    acked, -1, -1, -1, t.errorPolls, t.error);
        }
        // A data plane may answer before the API's ack reaches the harness: that is latency 0.
        long firstAnswer = t.firstAnswerSent < 0 ? -1 : Math.max(0, t.firstAnswerSent - t.ackMono);
        if (t.reached()) {
            long latency = Math.max(0, t.reachedAtSent - t.ackMono);
            // The route became active between the poll before the streak and its first poll; a first
            // poll (interval 0) only bounds it by t0.
            long resolution = t.streakInterval > 0 ? t.streakInterval : latency;
            return new OpVerdict(op, t.kind, t.route, t.host, t.path, expect, t.phaseIndex, OpVerdict.State.REACHED,
                    acked, latency, resolution, firstAnswer, t.errorPolls, null);
        }
        OpVerdict.State state = t.gaveUp ? OpVerdict.State.GAVE_UP
                : t.superseded ? OpVerdict.State.SUPERSEDED : OpVerdict.State.UNRESOLVED;
        return new OpVerdict(op, t.kind, t.route, t.host, t.path, expect, t.phaseIndex, state, acked, -1, -1,
                firstAnswer, t.errorPolls, null);
    }

    /** Accumulates the figures of one scope. */
    private static final class Figures {
        long ops;
        long failed;
        long unacknowledged;
        long unresolved;
        long superseded;
        long neverActivated;
        long neverDeactivated;
        long errorPolls;
        final Map<String, Long> errorsByKind = new TreeMap<>();
        final Histogram activation = LatencyStats.newHistogram();
        final Histogram deactivation = LatencyStats.newHistogram();
        final Histogram resolution = LatencyStats.newHistogram();
        final Histogram lag = LatencyStats.newHistogram();
        final Histogram firstAnswer = LatencyStats.newHistogram();

        void add(OpVerdict v, Track t) {
            ops++;
            if (t.invoked) {
                lag.recordValue(Math.max(0, t.invokedMono - t.scheduledMono));
            }
            if (v.expectsPresent() && v.firstAnswerNanos() >= 0) {
                firstAnswer.recordValue(v.firstAnswerNanos());
            }
            switch (v.state()) {
                case REACHED -> {
                    (v.expectsPresent() ? activation : deactivation).recordValue(v.latencyNanos());
                    resolution.recordValue(v.resolutionNanos());
                }
                case GAVE_UP -> {
                    if (v.expectsPresent()) {
                        neverActivated++;
                    } else {
                        neverDeactivated++;
                    }
                }
                case UNRESOLVED -> unresolved++;
                case SUPERSEDED -> superseded++;
                case FAILED -> failed++;
                case UNACKNOWLEDGED -> unacknowledged++;
            }
            errors(t);
        }

        void errors(Track t) {
            errorPolls += t.errorPolls;
            if (t.errorsByKind != null) {
                t.errorsByKind.forEach((kind, n) -> errorsByKind.merge(kind, n, Long::sum));
            }
        }

        ActivationFigures figures() {
            return new ActivationFigures(ops, failed, unacknowledged, unresolved, superseded, LatencyStats.of(activation),
                    neverActivated, LatencyStats.of(deactivation), neverDeactivated, errorPolls, errorsByKind,
                    LatencyStats.of(resolution), LatencyStats.of(lag), LatencyStats.of(firstAnswer));
        }
    }
}
