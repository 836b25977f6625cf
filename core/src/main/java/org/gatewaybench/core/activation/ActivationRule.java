package org.gatewaybench.core.activation;

/**
 * The rule that says when a route has reached its expected state: {@code required} OK answers in a
 * row (3 in the Gateway API conformance tests). The moment of activation is when the first request
 * of that streak was sent. The probe uses this rule live to stop polling; the analyses use the
 * same rule over the journal, so the two cannot disagree.
 *
 * <p>Not thread-safe: one instance per route and expectation.
 */
public final class ActivationRule {

    private final int required;
    private int streak;
    private long streakStartSent;
    private long reachedAtSent = -1;

    public ActivationRule(int required) {
        if (required < 1) {
            throw new IllegalArgumentException("required consecutive successes must be >= 1: " + required);
        }
        this.required = required;
    }

    /**
     * Takes one answer, in the order the requests were sent.
     *
     * @return true exactly once: at the answer that completes the streak
     */
    public boolean observe(PollOutcome outcome, long sentMono) {
        if (reached()) {
            return false;
        }
        if (outcome != PollOutcome.OK) {
            streak = 0;
            return false;
        }
        if (streak == 0) {
            streakStartSent = sentMono;
        }
        streak++;
        if (streak >= required) {
            reachedAtSent = streakStartSent;
            return true;
        }
        return false;
    }

    public boolean reached() {
        return reachedAtSent >= 0;
    }

    /** When the first request of the completing streak was sent; -1 before {@link #reached()}. */
    public long reachedAtSent() {
        return reachedAtSent;
    }

    /** OK answers in a row so far. */
    public int streak() {
        return streak;
    }
}
