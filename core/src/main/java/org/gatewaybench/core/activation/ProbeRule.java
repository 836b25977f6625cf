package org.gatewaybench.core.activation;

/**
 * The activation probe's settings that the analyses need to judge a journal the way the probe
 * judged it live: journaled in the run's first event.
 *
 * @param consecutiveSuccesses correct answers in a row that make a route active ({@link ActivationRule})
 * @param pollIntervalNanos    the shortest time between two polls of one route: the best resolution
 * @param timeoutNanos         after this long without activation a route is "never activated"
 */
public record ProbeRule(int consecutiveSuccesses, long pollIntervalNanos, long timeoutNanos) {

    /** The Gateway API conformance rule: 3 correct answers in a row. */
    public static final int CONFORMANCE_SUCCESSES = 3;

    public ProbeRule {
        if (consecutiveSuccesses < 1) {
            throw new IllegalArgumentException("consecutiveSuccesses must be >= 1, found " + consecutiveSuccesses);
        }
    }

    /** The rule of a journal that does not say (poll interval and timeout unknown: 0). */
    public static ProbeRule conformance() {
        return new ProbeRule(CONFORMANCE_SUCCESSES, 0, 0);
    }
}
