package org.gatewaybench.reports;

import org.gatewaybench.core.Word;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.RunOutcome;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;

/**
 * Writes journals for tests in the words of a run, with times in milliseconds since the run
 * started (monotonic nanos = ms * 1e6, wall = a fixed epoch + ms). Events are appended in call order.
 */
public final class Journals {

    public static final long EPOCH_WALL = 1_790_000_000_000L;

    private final RecordingJournal journal = new RecordingJournal();

    public static long nanos(double ms) {
        return Math.round(ms * 1_000_000);
    }

    public static Stamp at(double ms) {
        return new Stamp(nanos(ms), EPOCH_WALL + Math.round(ms));
    }

    public static RouteKey route(long op) {
        return new RouteKey("t" + (op % 10), "r" + op);
    }

    public Journals append(Event e) {
        journal.append(e);
        return this;
    }

    public Journals runStarted(String... gateways) {
        return runStarted(ProbeRule.CONFORMANCE_SUCCESSES, gateways);
    }

    /** A run whose probe made a route active after {@code consecutiveSuccesses} correct answers in a row. */
    public Journals runStarted(int consecutiveSuccesses, String... gateways) {
        return append(new Events.RunStarted(at(0), Journal.SCHEMA_VERSION, "run-1", "quick", "scenarios/quick.yaml",
                "embedded", "lab-host", 2, List.of(gateways), new ProbeRule(consecutiveSuccesses, nanos(10), nanos(60_000)),
                Map.of()));
    }

    public Journals runEnded(double ms) {
        return append(new Events.RunEnded(at(ms), RunOutcome.COMPLETED, null));
    }

    public Journals gatewayStarted(String gateway, double ms) {
        return append(new Events.GatewayStarted(at(ms), gateway, "127.0.0.1:8080", Map.of()));
    }

    public Journals phaseStarted(String gateway, int index, String phase, String kind, double ms) {
        return append(new Events.PhaseStarted(at(ms), gateway, index, phase, Word.parse(PhaseKind.class, kind), 100));
    }

    public Journals phaseEnded(String gateway, int index, String phase, double ms) {
        return append(new Events.PhaseEnded(at(ms), gateway, index, phase));
    }

    /** A write sent at {@code invokedMs} (scheduled for {@code scheduledMs}). */
    public Journals invoked(String gateway, long op, String kind, double scheduledMs, double invokedMs) {
        return append(new Events.OpInvoked(at(invokedMs), gateway, op, Word.parse(OpKind.class, kind), route(op), "h" + op + ".example",
                "/", "b1", nanos(scheduledMs)));
    }

    /** The route API's answer to a write: for ok, the route's t0. */
    public Journals completed(String gateway, long op, String kind, double ackedMs, boolean ok) {
        return append(new Events.OpCompleted(at(ackedMs), gateway, op, Word.parse(OpKind.class, kind), route(op), ok, ok ? null : "conflict", ok ? null : Refusal.CONTENDED));
    }

    /** A write sent on schedule and acknowledged at {@code ackedMs}. */
    public Journals write(String gateway, long op, String kind, double ackedMs) {
        return invoked(gateway, op, kind, ackedMs - 1, ackedMs - 1).completed(gateway, op, kind, ackedMs, true);
    }

    public Journals poll(String gateway, long op, String expect, String outcome, double sentMs, double intervalMs) {
        return poll(gateway, op, expect, outcome, sentMs, intervalMs, "ok".equals(outcome) ? 200 : 404, null);
    }

    public Journals poll(String gateway, long op, String expect, String outcome, double sentMs, double intervalMs,
                         int status, String detail) {
        return append(new Events.ProbePoll(at(sentMs + 0.5), gateway, op, route(op), Word.parse(Expect.class, expect),
                Word.parse(PollOutcome.class, outcome), status, detail,
                nanos(sentMs), nanos(intervalMs)));
    }

    /** Polls of a present expectation every {@code intervalMs} from {@code firstMs}, one per outcome. */
    public Journals polls(String gateway, long op, double firstMs, double intervalMs, String... outcomes) {
        for (int i = 0; i < outcomes.length; i++) {
            poll(gateway, op, "present", outcomes[i], firstMs + i * intervalMs, i == 0 ? 0 : intervalMs);
        }
        return this;
    }

    /**
     * A gateway that starts at {@code startMs} and activates 20 created routes, the i-th
     * {@code baseMs + i} ms after its ack, then {@code never} routes the probe gives up on.
     */
    public Journals activatedRoutes(String gateway, double startMs, double baseMs, int never) {
        gatewayStarted(gateway, startMs);
        for (int i = 0; i < 20; i++) {
            double ack = startMs + 10 + i;
            write(gateway, i, "create", ack).polls(gateway, i, ack + baseMs + i, 5, "ok", "ok", "ok");
        }
        for (int i = 0; i < never; i++) {
            write(gateway, 100 + i, "create", startMs + 50).gaveUp(gateway, 100 + i, "present", startMs + 900);
        }
        return this;
    }

    public Journals gaveUp(String gateway, long op, String expect, double ms) {
        return append(new Events.ProbeGaveUp(at(ms), gateway, op, route(op), Word.parse(Expect.class, expect), nanos(ms)));
    }

    public Journals apply(String gateway, long apply, String mechanism, int routes, int changes, double startMs,
                          double endMs, boolean ok) {
        append(new Events.ConfigApplyStarted(at(startMs), gateway, apply, mechanism, routes, changes));
        return append(new Events.ConfigApplyEnded(at(endMs), gateway, apply, mechanism, ok, ok ? null : "emerg"));
    }

    public List<Event> events() {
        return journal.events();
    }

    public History history() {
        return journal.history();
    }
}
