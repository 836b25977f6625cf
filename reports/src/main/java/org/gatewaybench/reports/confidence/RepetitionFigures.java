package org.gatewaybench.reports.confidence;

import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What one repetition of a gateway offers the repeated figures: its latency histograms (one value
 * per route, in ns) and its counts. A histogram or count the repetition does not have is null
 * (a run rendered before it was written, a run without long connections).
 *
 * @param repetition the repetition's name in the journal (lab-nginx-reload#2), or the run's for a study
 */
public record RepetitionFigures(String repetition, Histogram activation, Histogram firstAnswer,
                                Histogram deactivation, Long neverActivated, Long errorPolls, Long drops) {

    /** The repetition's observation of {@code figure}; empty when it has none (no samples, no count). */
    public Optional<Observation> observation(RepeatedFigure figure) {
        return switch (figure.source()) {
            case ACTIVATION -> latency(activation, figure);
            case FIRST_ANSWER -> latency(firstAnswer, figure);
            case DEACTIVATION -> latency(deactivation, figure);
            case NEVER_ACTIVATED -> count(neverActivated);
            case ERROR_POLLS -> count(errorPolls);
            case DROPS -> count(drops);
        };
    }

    private static Optional<Observation> latency(Histogram histogram, RepeatedFigure figure) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return Optional.empty();
        }
        if (!figure.overRoutes()) {
            return Optional.of(new Observation.Value(histogram.highestEquivalentValue(histogram.getMaxValue())));
        }
        return Observation.Samples.of(histogram, figure.quantile()).map(Observation.class::cast);
    }

    private static Optional<Observation> count(Long value) {
        return value == null ? Optional.empty() : Optional.of(new Observation.Value(value));
    }
}
