package org.gatewaybench.reports.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static Observation value(double v) {
        return new Observation.Value(v);
    }

    @Test
    void threeRepetitionsOfACountSpanTheirRange() {
        // The median of 3 draws from {1, 5, 9} is 1 with probability 7/27 (two or three 1s), 9 likewise:
        // both ends lie inside the 2.5% tails, so the 95% interval is exactly the range.
        Interval i = Bootstrap.interval(List.of(value(9), value(1), value(5)), 1);

        assertThat(i.median()).isEqualTo(5);
        assertThat(i.low()).isEqualTo(1);
        assertThat(i.high()).isEqualTo(9);
        assertThat(i.repetitions()).isEqualTo(3);
    }

    @Test
    void theMedianOfOneRepetitionsRoutesHasTheBinomialInterval() {
        // Values 1..10,000: a resample's 5,000th smallest is at most j when at least 5,000 of the
        // 10,000 draws are at most j, which is Binomial(10,000, j/10,000): mean j, sd 50. Its 2.5%
        // and 97.5% points are j = 4,902 and 5,098 (5,000 -/+ 1.96 sd, with continuity correction).
        long[] values = LongStream.rangeClosed(1, 10_000).toArray();
        Interval i = Bootstrap.interval(List.of(new Observation.Samples(values, 0.5)), 7);

        assertThat(i.median()).isEqualTo(5_000);
        assertThat(i.low()).isCloseTo(4_902, within(8.0));
        assertThat(i.high()).isCloseTo(5_098, within(8.0));
        assertThat(i.samples()).isEqualTo(10_000);
    }

    @Test
    void oneDrawOfTheOrderStatisticIsDistributedLikeResamplingEverySample() {
        long[] values = LongStream.rangeClosed(1, 200).map(v -> v * v).toArray();
        Observation.Samples p90 = new Observation.Samples(values, 0.9);
        int draws = 4_000;
        double[] shortcut = new double[draws];
        double[] full = new double[draws];
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(4);
        for (int d = 0; d < draws; d++) {
            shortcut[d] = p90.resample(a);
            long[] resample = new long[values.length];
            for (int i = 0; i < resample.length; i++) {
                resample[i] = values[b.nextInt(values.length)];
            }
            Arrays.sort(resample);
            full[d] = new Observation.Samples(resample, 0.9).value();
        }
        // Two-sample Kolmogorov-Smirnov distance; 0.044 is its critical value at 0.1% for 4,000 and 4,000.
        assertThat(ksDistance(shortcut, full)).isLessThan(0.044);
    }

    @Test
    void theSameObservationsAndSeedGiveTheSameInterval() {
        long[] values = new SplittableRandom(5).longs(3_000, 1_000, 9_000_000).sorted().toArray();
        List<Observation> reps = List.of(new Observation.Samples(values, 0.99),
                new Observation.Samples(Arrays.copyOf(values, 2_000), 0.99));

        assertThat(Bootstrap.interval(reps, 42)).isEqualTo(Bootstrap.interval(reps, 42));
        Interval i = Bootstrap.interval(reps, 42);
        assertThat(i.low()).isLessThanOrEqualTo(i.median());
        assertThat(i.high()).isGreaterThanOrEqualTo(i.median());
    }

    @Test
    void nothingVariesOneValueAndEqualValuesGiveAPoint() {
        Interval alone = Bootstrap.interval(List.of(value(3)), 1);
        assertThat(alone.median()).isEqualTo(3);
        assertThat(alone.bounded()).isFalse();
        assertThat(alone.overlaps(Bootstrap.interval(List.of(value(100), value(101)), 1)))
                .as("an unknown interval cannot show a difference").isTrue();

        Interval same = Bootstrap.interval(List.of(new Observation.Samples(new long[] {4, 4, 4}, 0.5), value(4)), 1);
        assertThat(same).isEqualTo(new Interval(4, 4.0, 4.0, 2, 4));
    }

    @Test
    void intervalsOverlapWhenTheyShareAValue() {
        Interval a = new Interval(10, 8.0, 12.0, 3, 3);
        assertThat(a.overlaps(new Interval(13, 12.0, 14.0, 3, 3))).isTrue();
        assertThat(a.overlaps(new Interval(14, 12.5, 16.0, 3, 3))).isFalse();
    }

    @Test
    void aPercentileOfSamplesIsTheOneHdrHistogramReports() {
        Histogram h = LatencyStats.newHistogram();
        new SplittableRandom(9).longs(5_001, 100_000, 3_000_000_000L).forEach(h::recordValue);
        for (double q : new double[] {0.001, 0.5, 0.9, 0.99, 0.999, 1.0}) {
            Observation.Samples s = Observation.Samples.of(h, q).orElseThrow();
            assertThat(s.value()).as("quantile " + q).isEqualTo(h.getValueAtPercentile(q * 100));
        }
        assertThat(Observation.Samples.of(LatencyStats.newHistogram(), 0.5)).isEmpty();
    }

    private static double ksDistance(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }
}
