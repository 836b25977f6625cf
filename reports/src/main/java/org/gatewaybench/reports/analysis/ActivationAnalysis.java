package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;

/**
 * Route activation judged from the journal: for every write, t0 is its acknowledgement and the
 * moment of activation is where core's {@link ActivationRule} holds over the write's probe polls,
 * taken in the order they were sent. The probe used the same rule live, so the two agree.
 */
public final class ActivationAnalysis {

    /** Error kinds named by the probe in a poll's detail; other errors are named by status. */
    private static final Set<String> DETAIL_KINDS = Set.of("wrong-backend", "reset", "timeout");

    private ActivationAnalysis() {
    }

    /**
     * Activation per gateway, in the layout's gateway order.
     *
     * @param required OK answers in a row that make a route active (see {@link RunAnalysis#requiredSuccesses})
     */
    public static Map<String, GatewayActivation> analyze(History history, RunLayout layout, int required) {
        Map<String, Map<Long, Track>> tracks = collect(history);
        Map<String, GatewayActivation> result = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            result.put(gateway, judge(gateway, tracks.getOrDefault(gateway, Map.of()), layout, required));
        }
        return result;
    }

    /**
     * The kind of an error answer: the probe's word for it (wrong-backend, reset, timeout) when its
     * detail starts with one, else "status N" for an HTTP status, else the detail's first word.
     */
    public static String errorKind(Events.ProbePoll poll) {
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

    /** Everything the journal says about one write. */
    private static final class Track {
        Events.OpInvoked invoked;
        Events.OpCompleted completed;
        Events.ProbeGaveUp gaveUp;
        boolean superseded;
        int phaseIndex = -1;
        final List<Events.ProbePoll> polls = new ArrayList<>();
    }

    private static Map<String, Map<Long, Track>> collect(History history) {
        Map<String, Map<Long, Track>> tracks = new HashMap<>();
        Map<String, Integer> currentPhase = new HashMap<>();
        Map<String, Map<RouteKey, Track>> lastAcked = new HashMap<>();
        for (Event e : history.events()) {
            if (e instanceof Events.PhaseStarted p) {
                currentPhase.put(p.gateway(), p.index());
            } else if (e instanceof Events.PhaseEnded p) {
                currentPhase.remove(p.gateway(), p.index());
            } else if (e instanceof Events.OpInvoked o) {
                Track t = track(tracks, o.gateway(), o.op());
                t.invoked = o;
                t.phaseIndex = currentPhase.getOrDefault(o.gateway(), -1);
            } else if (e instanceof Events.OpCompleted c) {
                Track t = track(tracks, c.gateway(), c.op());
                t.completed = c;
                if (c.ok()) {
                    Track before = lastAcked.computeIfAbsent(c.gateway(), g -> new HashMap<>()).put(c.route(), t);
                    if (before != null) {
                        before.superseded = true;
                    }
                }
            } else if (e instanceof Events.ProbePoll p) {
                track(tracks, p.gateway(), p.op()).polls.add(p);
            } else if (e instanceof Events.ProbeGaveUp g) {
                track(tracks, g.gateway(), g.op()).gaveUp = g;
            }
        }
        return tracks;
    }

    private static Track track(Map<String, Map<Long, Track>> tracks, String gateway, long op) {
        return tracks.computeIfAbsent(gateway, g -> new LinkedHashMap<>()).computeIfAbsent(op, o -> new Track());
    }

    private static GatewayActivation judge(String gateway, Map<Long, Track> tracks, RunLayout layout, int required) {
        Figures overall = new Figures();
        Map<Integer, Figures> byPhase = new LinkedHashMap<>();
        for (PhaseSpan span : layout.phases(gateway)) {
            byPhase.put(span.index(), new Figures());
        }
        List<OpVerdict> verdicts = new ArrayList<>();
        for (Map.Entry<Long, Track> entry : tracks.entrySet()) {
            Track t = entry.getValue();
            Figures phase = byPhase.get(t.phaseIndex);
            if (t.invoked == null && t.completed == null) {
                // Polls of a write this journal does not hold (e.g. it began mid-run): errors still count.
                for (Events.ProbePoll p : t.polls) {
                    overall.poll(p);
                }
                continue;
            }
            OpVerdict v = verdict(gateway, entry.getKey(), t, layout, required);
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

    private static OpVerdict verdict(String gateway, long op, Track t, RunLayout layout, int required) {
        OpKind kind = t.invoked != null ? t.invoked.kind() : t.completed.kind();
        Expect expect = Expect.after(kind);
        var route = t.invoked != null ? t.invoked.route() : t.completed.route();
        String host = t.invoked != null ? t.invoked.host() : null;
        String path = t.invoked != null ? t.invoked.path() : null;
        int errors = (int) t.polls.stream().filter(p -> p.outcome() == PollOutcome.ERROR).count();
        if (t.completed == null) {
            return new OpVerdict(op, kind, route, host, path, expect, t.phaseIndex, OpVerdict.State.UNACKNOWLEDGED,
                    Double.NaN, -1, -1, errors, null);
        }
        double acked = layout.secondsSinceStart(gateway, t.completed.at().mono());
        if (!t.completed.ok()) {
            return new OpVerdict(op, kind, route, host, path, expect, t.phaseIndex, OpVerdict.State.FAILED,
                    acked, -1, -1, errors, t.completed.error());
        }
        long t0 = t.completed.at().mono();
        List<Events.ProbePoll> polls = new ArrayList<>(t.polls);
        polls.sort(Comparator.comparingLong(Events.ProbePoll::sentMono)); // the rule takes polls in sending order
        ActivationRule rule = new ActivationRule(required);
        for (Events.ProbePoll p : polls) {
            if (rule.observe(p.outcome(), p.sentMono())) {
                break;
            }
        }
        if (rule.reached()) {
            // A data plane may answer before the API's ack reaches the harness: that is latency 0.
            long latency = Math.max(0, rule.reachedAtSent() - t0);
            // The route became active between the poll before the streak and its first poll; a first
            // poll (interval 0) only bounds it by t0.
            long interval = polls.stream().filter(p -> p.sentMono() == rule.reachedAtSent()).findFirst()
                    .orElseThrow().intervalNanos();
            long resolution = interval > 0 ? interval : latency;
            return new OpVerdict(op, kind, route, host, path, expect, t.phaseIndex, OpVerdict.State.REACHED,
                    acked, latency, resolution, errors, null);
        }
        OpVerdict.State state = t.gaveUp != null ? OpVerdict.State.GAVE_UP
                : t.superseded ? OpVerdict.State.SUPERSEDED : OpVerdict.State.UNRESOLVED;
        return new OpVerdict(op, kind, route, host, path, expect, t.phaseIndex, state, acked, -1, -1, errors, null);
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

        void add(OpVerdict v, Track t) {
            ops++;
            if (t.invoked != null) {
                lag.recordValue(Math.max(0, t.invoked.at().mono() - t.invoked.scheduledMono()));
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
            for (Events.ProbePoll p : t.polls) {
                poll(p);
            }
        }

        void poll(Events.ProbePoll p) {
            if (p.outcome() == PollOutcome.ERROR) {
                errorPolls++;
                errorsByKind.merge(errorKind(p), 1L, Long::sum);
            }
        }

        ActivationFigures figures() {
            return new ActivationFigures(ops, failed, unacknowledged, unresolved, superseded, LatencyStats.of(activation),
                    neverActivated, LatencyStats.of(deactivation), neverDeactivated, errorPolls, errorsByKind,
                    LatencyStats.of(resolution), LatencyStats.of(lag));
        }
    }
}
