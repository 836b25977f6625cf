package org.gatewaybench.reports.analysis;

import java.util.List;
import org.gatewaybench.core.journal.HarnessComponent;

/**
 * How far the harness itself fell behind while measuring one gateway: when it did, the figures
 * of that gateway measure the harness as much as the gateway.
 *
 * @param reports    HarnessLag events
 * @param maxLagNanos the worst lag reported
 * @param maxBacklog the most items waiting at once
 * @param components the harness parts that fell behind
 */
public record HarnessLagFigures(long reports, long maxLagNanos, long maxBacklog, List<HarnessComponent> components) {

    public HarnessLagFigures {
        components = List.copyOf(components);
    }
}
