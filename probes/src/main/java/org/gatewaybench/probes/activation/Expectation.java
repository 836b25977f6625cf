package org.gatewaybench.probes.activation;

import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;

/**
 * What the probe waits to see for one route after one write, and where its polling stands.
 * Confined to the probe's event loop.
 */
final class Expectation {

    final long op;
    final Route route;
    final Expect expect;
    /** The backend before an update: its answers are "not yet", not errors. Null otherwise. */
    final Backend previousBackend;
    final long t0Mono;
    final long deadlineMono;
    /** Tie-breaker for equal times, so that the order of the queues is total and stable. */
    final long sequence;
    final ActivationRule rule;

    /** When the next poll may be sent: t0, then the previous poll's send time + pollInterval. */
    long nextDueMono;
    /** When the previous poll was sent; -1 before the first. */
    long lastSentMono = -1;
    /** Reached, given up or replaced by a newer expectation for the same route. */
    boolean ended;

    Expectation(long op, Route route, Expect expect, Backend previousBackend, long t0Mono, long timeoutNanos,
                long sequence, int requiredSuccesses) {
        this.op = op;
        this.route = route;
        this.expect = expect;
        this.previousBackend = previousBackend;
        this.t0Mono = t0Mono;
        this.deadlineMono = t0Mono + timeoutNanos;
        this.sequence = sequence;
        this.rule = new ActivationRule(requiredSuccesses);
        this.nextDueMono = t0Mono;
    }

    AnswerClassifier.Verdict judge(Answer answer) {
        return expect == Expect.PRESENT
                ? AnswerClassifier.present(route, previousBackend, answer)
                : AnswerClassifier.absent(route, answer);
    }
}
