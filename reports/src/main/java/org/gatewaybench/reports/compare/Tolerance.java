package org.gatewaybench.reports.compare;

/**
 * How much worse a figure may get before it counts as a regression: more than {@code ratio}
 * (0.25 = 25%) above the baseline AND more than {@code floorNanos} above it, so that noise on
 * tiny latencies (a 5 ms probe resolution) does not fail a nightly run.
 */
public record Tolerance(double ratio, long floorNanos) {

    public Tolerance {
        if (ratio < 0 || floorNanos < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
    }

    /** True when {@code current} latency is worse than {@code baseline} beyond both bounds. */
    boolean latencyRegressed(long baseline, long current) {
        return current - baseline > floorNanos && current > baseline * (1 + ratio);
    }

    /** True when a count of bad things grew beyond the ratio (and by at least one). */
    boolean countRegressed(long baseline, long current) {
        return current > baseline && current > Math.ceil(baseline * (1 + ratio));
    }
}
