package org.gatewaybench.reports.compare;

/**
 * One figure of one gateway in the baseline and in the current run.
 *
 * @param figure       what was compared, e.g. "activation p99"
 * @param unit         ms for latencies, empty for counts and verdicts
 * @param baseline     the baseline's value, null when the baseline lacks it or the figure is a word
 * @param current      the current run's value, null when the current run lacks it or the figure is a word
 * @param baselineWord the baseline's value when the figure is a word (an isolation verdict), else null
 * @param currentWord  the current run's value when the figure is a word, else null
 */
public record Finding(String gateway, String figure, String unit, Double baseline, Double current, Verdict verdict,
                      String baselineWord, String currentWord) {

    /** A figure that is a number. */
    public Finding(String gateway, String figure, String unit, Double baseline, Double current, Verdict verdict) {
        this(gateway, figure, unit, baseline, current, verdict, null, null);
    }

    /** A figure that is a word: {@code baseline} or {@code current} null when that run lacks it. */
    public static Finding ofWords(String gateway, String figure, String baseline, String current, Verdict verdict) {
        return new Finding(gateway, figure, "", null, null, verdict, baseline, current);
    }

    /** Whether the figure held, got worse beyond the tolerance, or could not be compared. */
    public enum Verdict { OK, REGRESSED, IMPROVED, MISSING }
}
