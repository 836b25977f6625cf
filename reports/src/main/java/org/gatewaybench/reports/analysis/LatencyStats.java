package org.gatewaybench.reports.analysis;

import org.HdrHistogram.Histogram;

/**
 * Summary figures of one set of durations, in nanoseconds. Computed by HdrHistogram with
 * {@link #SIGNIFICANT_DIGITS} significant digits, so every figure is exact to 0.1%.
 * An empty set has count 0 and all figures 0.
 */
public record LatencyStats(long count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos,
                           long meanNanos) {

    /** Precision of every histogram of the reports. */
    public static final int SIGNIFICANT_DIGITS = 3;

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

    /** A histogram for nanosecond durations, growing as needed. */
    public static Histogram newHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    public static LatencyStats of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyStats(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue(), Math.round(h.getMean()));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
