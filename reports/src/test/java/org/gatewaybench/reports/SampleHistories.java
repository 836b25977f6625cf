package org.gatewaybench.reports;

import org.gatewaybench.core.Word;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.journal.HarnessComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;

/**
 * A realistic journal of two lab gateways, generated with a fixed seed: an nginx-like gateway
 * that reloads every 2 s with the routes acknowledged since (reload time grows with the route
 * count), and an HAProxy-like one that applies each batch through its runtime API every ~20 ms.
 * Each runs a ramp of creates, steady updates and a delete-all; a probe polls every 25 ms.
 */
public final class SampleHistories {

    static final String NGINX = "lab-nginx-reload";
    static final String HAPROXY = "lab-haproxy-runtime";
    static final long MS = 1_000_000;
    private static final long POLL_INTERVAL = 25 * MS;
    private static final long GIVE_UP_AFTER = 10_000 * MS;

    private final Random random = new Random(42);
    private final List<Event> events = new ArrayList<>();
    private long nextOp = 1;
    private long nextApply = 1;

    private SampleHistories() {
    }

    /** Two gateways, {@code routes} routes each; nginx never activates 2 of them. */
    public static History twoGateways(int routes) {
        SampleHistories s = new SampleHistories();
        s.add(new Events.RunStarted(s.stamp(0), Journal.SCHEMA_VERSION, "2026-11-26T03-20-00Z-sample", "lab-compare",
                "scenarios/lab-compare.yaml", "embedded", "lab-host", 2, List.of(NGINX, HAPROXY), ProbeRule.conformance(),
                Map.of("routes", routes, "probe.consecutiveSuccesses", 3)));
        long end = s.gateway(NGINX, 1_000 * MS, routes, true);
        end = s.gateway(HAPROXY, end + 2_000 * MS, routes, false);
        s.add(new Events.RunEnded(s.stamp(end + 500 * MS), RunOutcome.COMPLETED, null));
        s.events.sort(Comparator.comparingLong(e -> e.at().mono()));
        return History.of(s.events);
    }

    private Stamp stamp(long mono) {
        return new Stamp(mono, Journals.EPOCH_WALL + mono / MS);
    }

    private void add(Event e) {
        events.add(e);
    }

    /** A write as the route API acknowledged it, waiting for the data plane. */
    private record Write(long op, RouteKey route, String kind, long acked, boolean never) {
    }

    /** One gateway's part of the run, starting at {@code start}; returns when it stopped. */
    private long gateway(String gw, long start, int routes, boolean reloads) {
        add(new Events.GatewayStarted(stamp(start), gw, "127.0.0.1:" + (reloads ? 18080 : 18081), Map.of()));
        List<Write> writes = new ArrayList<>();
        long t = start + 500 * MS;
        t = phase(gw, 0, "ramp", "ramp", t, routes, 20 * MS, "create", writes, reloads); // 50/s
        t = phase(gw, 1, "steady", "steady", t + 1_000 * MS, routes / 5, 50 * MS, "update", writes, reloads);
        t = phase(gw, 2, "delete-all", "delete-all", t + 1_000 * MS, routes, 10 * MS, "delete", writes, reloads);
        long lastActive = applyAndProbe(gw, start, writes, reloads);
        if (reloads) {
            add(new Events.HarnessLag(stamp(start + 3_000 * MS), gw, HarnessComponent.ACTIVATION_PROBE, 140 * MS, 310));
        }
        long stop = Math.max(t, lastActive) + GIVE_UP_AFTER + 200 * MS;
        add(new Events.GatewayStopped(stamp(stop), gw));
        return stop;
    }

    private long phase(String gw, int index, String name, String kind, long start, int ops, long every, String op,
                       List<Write> writes, boolean reloads) {
        add(new Events.PhaseStarted(stamp(start), gw, index, name, Word.parse(PhaseKind.class, kind), ops));
        long t = start;
        for (int i = 0; i < ops; i++) {
            long scheduled = start + i * every;
            long sent = scheduled + (long) (Math.abs(random.nextGaussian()) * 0.4 * MS);
            if (i % 97 == 0) {
                sent += 30 * MS; // the churn engine falls behind now and then
            }
            long acked = sent + 2 * MS + (long) (random.nextDouble() * 3 * MS);
            long id = nextOp++;
            RouteKey route = new RouteKey("t" + (i % 50), "r" + i);
            add(new Events.OpInvoked(stamp(sent), gw, id, Word.parse(OpKind.class, op), route, "r" + i + ".t" + (i % 50) + ".lab", "/",
                    "b" + (i % 4), scheduled));
            add(new Events.OpCompleted(stamp(acked), gw, id, Word.parse(OpKind.class, op), route, true, null, null));
            writes.add(new Write(id, route, op, acked, reloads && "create".equals(op) && (i == 333 || i == 777)));
            t = sent;
        }
        long end = t + every;
        add(new Events.PhaseEnded(stamp(end), gw, index, name));
        return end;
    }

    /**
     * The data plane: every sync period it applies the writes acknowledged since the last one; the
     * apply takes longer the more routes the config holds; a write is visible when its apply ends.
     */
    private long applyAndProbe(String gw, long start, List<Write> writes, boolean reloads) {
        long period = reloads ? 2_000 * MS : 20 * MS;
        String mechanism = reloads ? "reload" : "runtime-api";
        int routes = 0;
        long lastActive = start;
        int i = 0;
        for (long sync = start + period; i < writes.size(); sync += period) {
            List<Write> batch = new ArrayList<>();
            while (i < writes.size() && writes.get(i).acked() < sync) {
                batch.add(writes.get(i++));
            }
            if (batch.isEmpty()) {
                continue;
            }
            for (Write w : batch) {
                routes += "create".equals(w.kind()) ? 1 : "delete".equals(w.kind()) ? -1 : 0;
            }
            long duration = reloads
                    ? 40 * MS + routes * 180_000L + (long) (random.nextDouble() * 60 * MS)
                    : 600_000L + (long) (random.nextDouble() * 1.2 * MS) + routes * 500L;
            long id = nextApply++;
            add(new Events.ConfigApplyStarted(stamp(sync), gw, id, mechanism, routes, batch.size()));
            add(new Events.ConfigApplyEnded(stamp(sync + duration), gw, id, mechanism, true, null));
            lastActive = sync + duration;
            for (Write w : batch) {
                probe(gw, w.op(), w.route(), "delete".equals(w.kind()) ? "absent" : "present", w.acked(),
                        w.never() ? Long.MAX_VALUE : sync + duration);
            }
        }
        return lastActive;
    }

    private void probe(String gw, long op, RouteKey route, String expect, long t0, long activeAt) {
        long sent = t0 + MS;
        long interval = 0;
        int streak = 0;
        while (streak < 3) {
            if (sent - t0 > GIVE_UP_AFTER) {
                add(new Events.ProbeGaveUp(stamp(sent), gw, op, route, Word.parse(Expect.class, expect), sent - t0));
                return;
            }
            boolean ok = sent >= activeAt;
            String outcome = ok ? "ok" : "not-yet";
            int status = ok == "present".equals(expect) ? 200 : 404;
            String detail = null;
            if (!ok && random.nextDouble() < 0.004) {
                outcome = "error";
                status = random.nextBoolean() ? 502 : 0;
                detail = status == 0 ? "reset" : null;
            }
            streak = "ok".equals(outcome) ? streak + 1 : 0;
            add(new Events.ProbePoll(stamp(sent + MS / 2), gw, op, route, Word.parse(Expect.class, expect),
                    Word.parse(PollOutcome.class, outcome), status, detail, sent, interval));
            interval = POLL_INTERVAL + (long) (random.nextGaussian() * MS);
            sent += interval;
        }
    }
}
