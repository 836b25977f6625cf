package org.gatewaybench.reports.confidence;

import org.gatewaybench.core.Word;
import org.gatewaybench.reports.FigureFormat;

/**
 * The figures whose median over repetitions and 95% interval the reports, {@code compare} and
 * studies give. A percentile of route latencies is resampled over the routes of each repetition
 * as well as over the repetitions; a count or a maximum only over the repetitions.
 */
public enum RepeatedFigure implements Word {
    ACTIVATION_P50("activation p50", Source.ACTIVATION, 0.5),
    ACTIVATION_P99("activation p99", Source.ACTIVATION, 0.99),
    ACTIVATION_MAX("activation max", Source.ACTIVATION, 1.0),
    FIRST_ANSWER_P50("first answer p50", Source.FIRST_ANSWER, 0.5),
    FIRST_ANSWER_P99("first answer p99", Source.FIRST_ANSWER, 0.99),
    DEACTIVATION_P50("deactivation p50", Source.DEACTIVATION, 0.5),
    NEVER_ACTIVATED("never activated", Source.NEVER_ACTIVATED, 0),
    ERROR_POLLS("error polls", Source.ERROR_POLLS, 0),
    LONG_CONNECTION_DROPS("long-connection drops", Source.DROPS, 0);

    /** Where a repetition's value of the figure comes from. */
    enum Source { ACTIVATION, FIRST_ANSWER, DEACTIVATION, NEVER_ACTIVATED, ERROR_POLLS, DROPS }

    private final String label;
    private final Source source;
    private final double quantile;

    RepeatedFigure(String label, Source source, double quantile) {
        this.label = label;
        this.source = source;
        this.quantile = quantile;
    }

    /** The figure as the human reports name it: "activation p99". */
    public String label() {
        return label;
    }

    /** Whether it is a latency (nanoseconds in summary.json and study.json, ms in the human reports). */
    public boolean latency() {
        return quantile > 0;
    }

    /** The unit the human reports give it in: ms for a latency, none for a count. */
    public String unit() {
        return latency() ? "ms" : "";
    }

    /** A value of the figure as the human reports write it: a latency (ns) in ms, a count in full. */
    public String format(double value) {
        return latency() ? FigureFormat.millis(Math.round(value)) : FigureFormat.value(value);
    }

    Source source() {
        return source;
    }

    /** The percentile of route latencies, 1.0 for the maximum; 0 for a count. */
    double quantile() {
        return quantile;
    }

    /** Whether the figure is resampled over routes (a percentile below the maximum). */
    boolean overRoutes() {
        return quantile > 0 && quantile < 1;
    }
}
