package org.gatewaybench.reports.confidence;

import java.util.List;

/**
 * One figure of one gateway over its repetitions: each repetition's value and the median with its
 * 95% interval. Latencies are in nanoseconds.
 *
 * @param values one per repetition that had the figure, in the order they ran
 */
public record FigureSpread(RepeatedFigure figure, List<Double> values, Interval interval) {

    public FigureSpread {
        values = List.copyOf(values);
    }
}
