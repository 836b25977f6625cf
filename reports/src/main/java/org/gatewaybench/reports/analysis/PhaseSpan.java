package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.route.PhaseKind;

/**
 * One churn phase of one gateway, in seconds since the gateway started. {@code endSeconds} is
 * NaN when the journal holds no end of the phase (the run was cut short).
 */
public record PhaseSpan(int index, String phase, PhaseKind kind, long plannedOps, double startSeconds,
                        double endSeconds) {

    public boolean ended() {
        return !Double.isNaN(endSeconds);
    }
}
