package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.CheckEvents;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.GatewayEvent;
import org.gatewaybench.core.route.OpKind;

/**
 * Finds each gateway's {@link GatewayIsolation}: the events of each check, from its
 * isolation-check-started to its isolation-verdict, are judged again with {@link IsolationJudge}
 * (the probe's own code) and reduced to the evidence the reports show. Only the check that is
 * running is held; a check the run ended in is inconclusive.
 */
final class IsolationAnalysis implements Fold {

    /** Requests a check keeps as evidence, and how many of them may be the notable ones (B's answers, canaries). */
    static final int MAX_SAMPLES = 40;
    static final int MAX_NOTABLE = 24;

    private final int consecutiveSuccesses;
    private final PerGateway<Checks> gateways = new PerGateway<>(Checks::new);

    private static final class Checks {
        final Map<String, String> settings = new LinkedHashMap<>();
        final List<CheckOutcome> done = new ArrayList<>();
        CheckEvents.Collector open;
    }

    IsolationAnalysis(int consecutiveSuccesses) {
        this.consecutiveSuccesses = consecutiveSuccesses;
    }

    @Override
    public void accept(Event e) {
        if (!(e instanceof GatewayEvent g) || g.gateway() == null) {
            return;
        }
        if (e instanceof Events.IsolationSettingsRecorded s) {
            gateways.of(s.gateway()).settings.putAll(s.settings());
        } else if (e instanceof Events.IsolationCheckStarted s) {
            Checks c = gateways.of(s.gateway());
            closeUnfinished(c);
            c.open = new CheckEvents.Collector(s);
        } else if (e instanceof Events.IsolationVerdict v) {
            Checks c = gateways.of(v.gateway());
            if (c.open != null) {
                c.done.add(outcome(c.open.events(), v.verdict()));
                c.open = null;
            }
        } else {
            Checks c = gateways.of(g.gateway());
            if (c.open != null) {
                c.open.accept(e);
            }
        }
    }

    Map<String, GatewayIsolation> result(RunLayout layout) {
        return gateways.results(layout, (gateway, c) -> {
            closeUnfinished(c);
            return new GatewayIsolation(c.settings, c.done);
        });
    }

    private void closeUnfinished(Checks c) {
        if (c.open != null) {
            c.done.add(outcome(c.open.events(), null));
            c.open = null;
        }
    }

    /** The outcome of one check from its events; {@code journaled} null when the check never ended. */
    CheckOutcome outcome(CheckEvents events, Verdict journaled) {
        IsolationJudge.Judgement j = IsolationJudge.judge(events, consecutiveSuccesses);
        Verdict verdict = journaled == null ? Verdict.INCONCLUSIVE : j.verdict();
        String reason = journaled == null ? "the run ended before the check did" : j.reason();
        long origin = events.started().at().mono();
        long last = origin;
        for (Events.IsolationWrite w : events.writes()) {
            last = Math.max(last, w.at().mono());
        }
        for (Events.IsolationRequest r : events.requests()) {
            last = Math.max(last, r.at().mono());
        }
        return new CheckOutcome(events.check(), verdict, reason, j.figures(), events.started().settings(), journaled,
                RunLayout.seconds(last - origin), events.writes().size(), events.requests().size(),
                samples(events, origin), timings(events, origin), attackerSpan(events, origin), events.endpoints());
    }

    private static List<CheckOutcome.Sample> samples(CheckEvents events, long origin) {
        String victimBackend = backendOf(events, Actor.VICTIM);
        String attackerBackend = backendOf(events, Actor.ATTACKER);
        List<Events.IsolationRequest> asked = events.requests().stream().filter(r -> r.stage() != Stage.CLEANUP)
                .toList();
        boolean[] keep = new boolean[asked.size()];
        int kept = 0;
        for (int i = 0; i < asked.size() && kept < MAX_NOTABLE; i++) {
            Events.IsolationRequest r = asked.get(i);
            boolean byB = r.backend() != null && r.backend().equals(attackerBackend)
                    && !r.backend().equals(victimBackend);
            if (byB || r.canary() != null) {
                keep[i] = true;
                kept++;
            }
        }
        int rest = Math.min(MAX_SAMPLES - kept, asked.size() - kept);
        if (rest > 0) {
            double step = (double) asked.size() / rest;
            for (int k = 0; k < rest; k++) {
                int i = (int) (k * step);
                while (i < asked.size() && keep[i]) {
                    i++;
                }
                if (i < asked.size()) {
                    keep[i] = true;
                }
            }
        }
        List<CheckOutcome.Sample> out = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (keep[i]) {
                Events.IsolationRequest r = asked.get(i);
                out.add(new CheckOutcome.Sample(RunLayout.seconds(r.sentMono() - origin), r.stage(), r.host(),
                        r.path(), r.status(), r.backend(), owner(r.backend(), victimBackend, attackerBackend),
                        r.canary(), r.failure(), Math.max(0, r.at().mono() - r.sentMono()) / 1e6));
            }
        }
        return out;
    }

    /** The backend of {@code actor}'s first create; B's may be A's (a cross-namespace reference). */
    private static String backendOf(CheckEvents events, Actor actor) {
        return events.writes().stream().filter(w -> w.actor() == actor && w.kind() == OpKind.CREATE)
                .map(Events.IsolationWrite::backend).findFirst().orElse(null);
    }

    private static String owner(String backend, String victim, String attacker) {
        if (backend == null) {
            return null;
        }
        return backend.equals(victim) ? "A" : backend.equals(attacker) ? "B" : "other";
    }

    /** The quiet tenants' writes before and during what B did, with how long each took to go live. */
    private List<CheckOutcome.Timing> timings(CheckEvents events, long origin) {
        List<CheckOutcome.Timing> out = new ArrayList<>();
        for (IsolationJudge.Activation a : IsolationJudge.activations(events, consecutiveSuccesses)) {
            Events.IsolationWrite w = a.write();
            if (w.actor() == Actor.BYSTANDER && (w.stage() == Stage.BEFORE || w.stage() == Stage.DURING)) {
                out.add(new CheckOutcome.Timing(RunLayout.seconds(w.at().mono() - origin), w.actor(), w.stage(),
                        w.route().toString(), a.live() ? a.latencyNanos() / 1e6 : Double.NaN));
            }
        }
        return out;
    }

    /** From B's first write to its delete (or its last write, for a storm); null when B wrote nothing. */
    private static CheckOutcome.Span attackerSpan(CheckEvents events, long origin) {
        long from = Long.MAX_VALUE;
        long until = Long.MIN_VALUE;
        Long deleted = null;
        for (Events.IsolationWrite w : events.writes()) {
            if (w.actor() != Actor.ATTACKER) {
                continue;
            }
            long at = w.at().mono();
            if (w.kind() == OpKind.DELETE) {
                if (deleted == null && w.stage() != Stage.CLEANUP) {
                    deleted = at;
                }
            } else {
                from = Math.min(from, at);
                until = Math.max(until, at);
            }
        }
        if (from == Long.MAX_VALUE) {
            return null;
        }
        long end = deleted != null && deleted >= from ? deleted : until;
        return new CheckOutcome.Span(RunLayout.seconds(from - origin), RunLayout.seconds(end - origin));
    }
}
