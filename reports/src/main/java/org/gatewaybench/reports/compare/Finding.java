package org.gatewaybench.reports.compare;

/**
 * One figure of one gateway in the baseline and in the current run.
 *
 * @param figure   what was compared, e.g. "activation p99"
 * @param unit     ms for latencies, empty for counts
 * @param baseline the baseline's value, null when the baseline lacks it
 * @param current  the current run's value, null when the current run lacks it
 */
public record Finding(String gateway, String figure, String unit, Double baseline, Double current, Verdict verdict) {

    /** Whether the figure held, got worse beyond the tolerance, or could not be compared. */
    public enum Verdict { OK, REGRESSED, IMPROVED, MISSING }
}
