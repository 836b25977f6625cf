package org.gatewaybench.reports.analysis;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Activation of one gateway: overall figures, figures per phase and the verdict of every write,
 * in the order the writes were sent (the time series of the charts).
 */
public record GatewayActivation(String gateway, ActivationFigures overall, List<PhaseActivation> phases,
                                List<OpVerdict> ops) {

    public GatewayActivation {
        phases = List.copyOf(phases);
        ops = List.copyOf(ops);
    }

    /** A new histogram of the activation latencies of created and updated routes, in ns. */
    public Histogram activationHistogram() {
        Histogram h = LatencyStats.newHistogram();
        for (OpVerdict v : ops) {
            if (v.state() == OpVerdict.State.REACHED && v.expectsPresent()) {
                h.recordValue(v.latencyNanos());
            }
        }
        return h;
    }

    /** A new histogram of the times to the first correct answer of created and updated routes, in ns. */
    public Histogram firstAnswerHistogram() {
        Histogram h = LatencyStats.newHistogram();
        for (OpVerdict v : ops) {
            if (v.expectsPresent() && v.firstAnswerNanos() >= 0) {
                h.recordValue(v.firstAnswerNanos());
            }
        }
        return h;
    }

    /** A new histogram of the deactivation latencies of deleted routes, in ns. */
    public Histogram deactivationHistogram() {
        Histogram h = LatencyStats.newHistogram();
        for (OpVerdict v : ops) {
            if (v.state() == OpVerdict.State.REACHED && !v.expectsPresent()) {
                h.recordValue(v.latencyNanos());
            }
        }
        return h;
    }
}
