package org.gatewaybench.probes.activation;

/**
 * The probe's global request budget: {@code perSecond} tokens a second, with a burst of 20 ms worth
 * (at least one) so that a wake-up that comes late on a loaded machine does not lose budget (with
 * 5 ms, 1,000 pending routes at 2,000/s got 4% less than the budget here), and yet a second never
 * sees more than 2% above the budget. Times are monotonic nanoseconds given by the caller.
 *
 * <p>Not thread-safe: used on the probe's event loop only.
 */
final class TokenBucket {

    private static final double BURST_SECONDS = 0.02;

    private final double nanosPerToken;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(int perSecond, long nowNanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("token bucket rate must be >= 1/s, found " + perSecond);
        }
        this.nanosPerToken = 1e9 / perSecond;
        this.capacity = Math.max(1.0, perSecond * BURST_SECONDS);
        this.tokens = 1.0;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token is available: 0 if one is available now. */
    long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) * nanosPerToken);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            refilledAt = nowNanos;
        }
    }
}
