package org.gatewaybench.reports.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;

/** Finds the {@link HarnessLagFigures} of each gateway from its harness-lag events. */
final class HarnessLagAnalysis implements Fold {

    private final PerGateway<Lag> lags = new PerGateway<>(Lag::new);

    private static final class Lag {
        long reports;
        long maxLag;
        long maxBacklog;
        final Set<HarnessComponent> components = new LinkedHashSet<>();
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.HarnessLag lag && lag.gateway() != null) {
            Lag l = lags.of(lag.gateway());
            l.reports++;
            l.maxLag = Math.max(l.maxLag, lag.lagNanos());
            l.maxBacklog = Math.max(l.maxBacklog, lag.backlog());
            l.components.add(lag.component());
        }
    }

    Map<String, HarnessLagFigures> result(RunLayout layout) {
        return lags.results(layout, (gateway, l) -> new HarnessLagFigures(l.reports, l.maxLag, l.maxBacklog,
                List.copyOf(l.components)));
    }
}
