package org.gatewaybench.reports.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.History;

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

    public static HarnessLagFigures of(History history, String gateway) {
        long reports = 0;
        long maxLag = 0;
        long maxBacklog = 0;
        Set<HarnessComponent> components = new LinkedHashSet<>();
        for (Events.HarnessLag lag : history.select(Events.HarnessLag.class).toList()) {
            if (gateway.equals(lag.gateway())) {
                reports++;
                maxLag = Math.max(maxLag, lag.lagNanos());
                maxBacklog = Math.max(maxBacklog, lag.backlog());
                components.add(lag.component());
            }
        }
        return new HarnessLagFigures(reports, maxLag, maxBacklog, List.copyOf(components));
    }
}
