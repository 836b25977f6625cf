package org.gatewaybench.reports.confidence;

/**
 * A figure over repetitions: its median, and the 95% confidence interval of that median; null
 * bounds when nothing varies it (one repetition of a figure that has no samples to resample).
 *
 * @param repetitions how many repetitions it rests on
 * @param samples     how many samples (routes) over all repetitions; the repetitions for a value alone
 */
public record Interval(double median, Double low, Double high, int repetitions, long samples) {

    /** Whether the interval is known. */
    public boolean bounded() {
        return low != null && high != null;
    }

    /**
     * Whether this interval and {@code other} share a value: a difference between the two figures
     * is then within the noise the samples show. Unknown intervals count as overlapping.
     */
    public boolean overlaps(Interval other) {
        if (!bounded() || !other.bounded()) {
            return true;
        }
        return low <= other.high && other.low <= high;
    }
}
