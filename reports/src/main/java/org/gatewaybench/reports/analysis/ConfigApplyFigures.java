package org.gatewaybench.reports.analysis;

import java.util.List;

/**
 * Config applies of one gateway.
 *
 * @param applies     applies started
 * @param failed      applies that ended without the config in force
 * @param unfinished  applies with no end in the journal
 * @param mechanisms  how the data plane took its configs (reload, runtime-api, ...)
 * @param duration    start to end of the successful applies
 * @param meanChanges route changes per apply: the batch size
 * @param maxRoutes   the most routes one applied config held
 */
public record ConfigApplyFigures(long applies, long failed, long unfinished, List<String> mechanisms,
                                 LatencyStats duration, double meanChanges, long maxRoutes) {

    public ConfigApplyFigures {
        mechanisms = List.copyOf(mechanisms);
    }
}
