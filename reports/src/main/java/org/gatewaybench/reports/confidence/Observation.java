package org.gatewaybench.reports.confidence;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * What one repetition says about a figure: the samples the figure is computed from (one latency
 * per route, for a percentile), which the bootstrap resamples, or the figure's value alone (a
 * count, a maximum), which only resampling the repetitions can vary.
 */
public sealed interface Observation permits Observation.Samples, Observation.Value {

    /** The figure in this repetition. */
    double value();

    /** The figure computed over a resample (with replacement) of this repetition's samples. */
    double resample(RandomGenerator random);

    /** How many samples the figure rests on (1 for a value alone). */
    long count();

    /**
     * One percentile of the samples of a repetition, by nearest rank as HdrHistogram computes it, so
     * that the figure equals the one every report shows.
     *
     * @param sorted   the samples, ascending, not empty
     * @param quantile 0.5 for the median, 0.99 for p99
     */
    record Samples(long[] sorted, double quantile) implements Observation {

        public Samples {
            if (sorted.length == 0) {
                throw new IllegalArgumentException("a percentile needs at least one sample");
            }
            if (!(quantile > 0 && quantile <= 1)) {
                throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
            }
        }

        /**
         * The percentile of the values a histogram holds, each counted as HdrHistogram reports it
         * (the highest value equivalent to its bucket); empty when the histogram is.
         */
        public static Optional<Samples> of(Histogram histogram, double quantile) {
            long[] values = values(histogram);
            return values.length == 0 ? Optional.empty() : Optional.of(new Samples(values, quantile));
        }

        /** The values a histogram holds, ascending, each as HdrHistogram reports it. */
        public static long[] values(Histogram histogram) {
            long[] values = new long[Math.toIntExact(histogram.getTotalCount())];
            int at = 0;
            for (HistogramIterationValue v : histogram.recordedValues()) {
                long value = histogram.highestEquivalentValue(v.getValueIteratedTo());
                Arrays.fill(values, at, at + (int) v.getCountAtValueIteratedTo(), value);
                at += (int) v.getCountAtValueIteratedTo();
            }
            return values;
        }

        /** The 1-based rank of the percentile among {@code n} samples, as HdrHistogram finds it. */
        static int rank(double quantile, int n) {
            double percentile = Math.nextAfter(quantile * 100, Double.NEGATIVE_INFINITY);
            return (int) Math.max(1, Math.min(n, Math.ceil(percentile / 100 * n)));
        }

        @Override
        public double value() {
            return sorted[rank(quantile, sorted.length) - 1];
        }

        /**
         * The k-th smallest of n samples drawn with replacement is the sample at index
         * floor(n * U), where U, the k-th smallest of n uniform numbers, is Beta(k, n - k + 1)
         * distributed: one draw instead of n, exact for any n.
         */
        @Override
        public double resample(RandomGenerator random) {
            int n = sorted.length;
            int k = rank(quantile, n);
            double u = Beta.draw(k, n - k + 1, random);
            return sorted[Math.min(n - 1, (int) (n * u))];
        }

        @Override
        public long count() {
            return sorted.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Samples s && quantile == s.quantile && Arrays.equals(sorted, s.sorted);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(sorted) + Double.hashCode(quantile);
        }

        @Override
        public String toString() {
            return "Samples[" + sorted.length + " values, quantile " + quantile + "]";
        }
    }

    /** A figure a repetition has one value of. */
    record Value(double value) implements Observation {

        @Override
        public double resample(RandomGenerator random) {
            return value;
        }

        @Override
        public long count() {
            return 1;
        }
    }
}
