package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;

/**
 * What became of one route write: its t0 (ack), whether and when the data plane reached the
 * expected state, and how sharp that figure is.
 *
 * @param phaseIndex      index of the churn phase the write was sent in, -1 outside any phase
 * @param ackedSeconds    t0 in seconds since the gateway started; NaN when never acknowledged
 * @param latencyNanos    activation (or deactivation) latency; -1 unless {@link State#REACHED}
 * @param resolutionNanos how far apart the polls that decided the latency were; -1 unless reached
 * @param firstAnswerNanos t0 to the first correct answer (the rule of one correct answer); -1 when
 *                        none was seen, also for a write that reached its state otherwise
 * @param errorPolls      probe answers of this write that were errors
 * @param error           why the route API refused the write, or null
 */
public record OpVerdict(long op, OpKind kind, RouteKey route, String host, String path, Expect expect,
                        int phaseIndex, State state, double ackedSeconds, long latencyNanos,
                        long resolutionNanos, long firstAnswerNanos, int errorPolls, String error) {

    /** The fate of a write. */
    public enum State {
        /** The data plane reached the expected state (the activation rule held). */
        REACHED,
        /** The probe gave up waiting: never activated (present) or never deactivated (absent). */
        GAVE_UP,
        /** Acknowledged, but the journal ends before a verdict (e.g. the run was interrupted). */
        UNRESOLVED,
        /** A later write to the same route was acknowledged before this one had a verdict. */
        SUPERSEDED,
        /** The route API refused the write. */
        FAILED,
        /** Sent, but the journal holds no answer of the route API. */
        UNACKNOWLEDGED
    }

    public boolean expectsPresent() {
        return expect == Expect.PRESENT;
    }
}
