package org.gatewaybench.reports.compare;

/**
 * One figure of one gateway in the baseline and in the current run.
 *
 * @param figure    what was compared, e.g. "activation p99"
 * @param unit      ms for latencies, empty for counts and verdicts
 * @param baseline  the baseline's value (the median over its repetitions when both runs have
 *                  samples), null when the baseline lacks it
 * @param current   the current run's value, null when the current run lacks it
 * @param decidedBy which test decided the verdict
 * @param baselineWord the baseline's value when the figure is a word (an isolation verdict), else null
 * @param currentWord  the current run's value when the figure is a word, else null
 */
public record Finding(String gateway, String figure, String unit, Double baseline, Double current, Verdict verdict,
                      DecidedBy decidedBy, String baselineWord, String currentWord) {

    /** A figure that is a number. */
    public Finding(String gateway, String figure, String unit, Double baseline, Double current, Verdict verdict,
                   DecidedBy decidedBy) {
        this(gateway, figure, unit, baseline, current, verdict, decidedBy, null, null);
    }

    /** A figure that is a word: {@code baseline} or {@code current} null when that run lacks it. */
    public static Finding ofWords(String gateway, String figure, String baseline, String current, Verdict verdict) {
        return new Finding(gateway, figure, "", null, null, verdict,
                verdict == Verdict.MISSING ? DecidedBy.NONE : DecidedBy.VERDICTS, baseline, current);
    }

    /** Whether the figure held, got worse beyond the tolerance, or could not be compared. */
    public enum Verdict { OK, REGRESSED, IMPROVED, MISSING }

    /** The test that decided a verdict. */
    public enum DecidedBy {
        /** The tolerance alone: the change was within it, or there were no samples to judge noise by. */
        TOLERANCE("tolerance"),
        /** Beyond the tolerance, and the 95% intervals of the two runs are apart: a real change. */
        INTERVALS_APART("tolerance, then intervals apart"),
        /** Beyond the tolerance, but the 95% intervals overlap: within the noise, no change. */
        INTERVALS_OVERLAP("tolerance, then intervals overlap (noise)"),
        /** An isolation check's verdict: held or refused to violated or degraded regresses. */
        VERDICTS("isolation verdicts"),
        /** Nothing to compare. */
        NONE("–");

        private final String text;

        DecidedBy(String text) {
            this.text = text;
        }

        /** The test as the table names it. */
        public String text() {
            return text;
        }
    }
}
