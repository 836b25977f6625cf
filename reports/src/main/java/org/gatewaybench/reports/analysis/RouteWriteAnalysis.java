package org.gatewaybench.reports.analysis;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.Refusal;

/**
 * Finds each gateway's {@link GatewayRouteWrites}: a write's latency is its op-completed's time
 * minus its op-invoked's. Only the writes in flight are held (as many as the churn's concurrency).
 */
final class RouteWriteAnalysis implements Fold {

    private final PerGateway<Writes> writes = new PerGateway<>(Writes::new);

    private static final class Writes {
        final Map<Long, Long> sentAt = new HashMap<>();
        final Histogram latency = LatencyStats.newHistogram();
        final Map<Refusal, Long> refused = new EnumMap<>(Refusal.class);
        long acknowledged;
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.OpInvoked sent) {
            writes.of(sent.gateway()).sentAt.put(sent.op(), sent.at().mono());
        } else if (e instanceof Events.OpCompleted done) {
            Writes w = writes.of(done.gateway());
            Long sentAt = w.sentAt.remove(done.op());
            if (done.ok()) {
                w.acknowledged++;
                if (sentAt != null) {
                    w.latency.recordValue(Math.max(0, done.at().mono() - sentAt));
                }
            } else {
                w.refused.merge(done.refusal() == null ? Refusal.OTHER : done.refusal(), 1L, Long::sum);
            }
        }
    }

    Map<String, GatewayRouteWrites> result(RunLayout layout) {
        return writes.results(layout, (gateway, w) -> new GatewayRouteWrites(w.acknowledged,
                LatencyStats.of(w.latency), w.refused));
    }
}
