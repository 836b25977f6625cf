package org.gatewaybench.reports.confidence;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap of a figure's median over repetitions: each resample draws the
 * repetitions with replacement and, within each drawn repetition, its samples (routes) with
 * replacement, computes the figure per repetition and takes their median; the 2.5th and 97.5th
 * percentiles of {@value #RESAMPLES} such medians bound the 95% interval. Seeded: the same
 * observations and seed give the same interval, so a report rendered again reads the same.
 */
public final class Bootstrap {

    /** Resamples per interval: enough that the bounds move by well under a percent between seeds. */
    public static final int RESAMPLES = 2000;

    /** The share of resampled medians outside the interval on each side. */
    private static final double TAIL = 0.025;

    private Bootstrap() {
    }

    /**
     * The median of the figure over {@code repetitions} and its 95% interval.
     *
     * @param repetitions one observation per repetition, not empty
     * @param seed        the random sequence's seed
     */
    public static Interval interval(List<Observation> repetitions, long seed) {
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("an interval needs at least one repetition");
        }
        int r = repetitions.size();
        double[] own = new double[r];
        long samples = 0;
        for (int i = 0; i < r; i++) {
            own[i] = repetitions.get(i).value();
            samples += repetitions.get(i).count();
        }
        double median = median(own);
        if (r == 1 && repetitions.get(0).count() <= 1) {
            return new Interval(median, null, null, r, samples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[RESAMPLES];
        double[] drawn = new double[r];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < r; i++) {
                drawn[i] = repetitions.get(random.nextInt(r)).resample(random);
            }
            medians[b] = median(drawn);
        }
        Arrays.sort(medians);
        return new Interval(median, nearestRank(medians, TAIL), nearestRank(medians, 1 - TAIL), r, samples);
    }

    /** The median of {@code values} (the mean of the middle two for an even count); sorts them. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double nearestRank(double[] sorted, double quantile) {
        int rank = (int) Math.max(1, Math.ceil(quantile * sorted.length));
        return sorted[rank - 1];
    }
}
