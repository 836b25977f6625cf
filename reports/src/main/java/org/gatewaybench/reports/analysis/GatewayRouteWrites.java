package org.gatewaybench.reports.analysis;

import java.util.Map;
import org.gatewaybench.core.route.Refusal;

/**
 * One gateway's route writes as the route API took them: how long a write took from sent to
 * acknowledged (in a cluster, the API server and every admission webhook on the way), and why
 * refused writes were refused.
 *
 * @param acknowledged writes the route API acknowledged
 * @param latency      sent to acknowledged, of the acknowledged writes
 * @param refused      refused writes by class; a write journaled before classes were has {@code other}
 */
public record GatewayRouteWrites(long acknowledged, LatencyStats latency, Map<Refusal, Long> refused) {

    public GatewayRouteWrites {
        refused = Map.copyOf(refused);
    }

    /** Refused writes the gateway caused (its admission webhook denied them, or it could not answer). */
    public long refusedByTheGateway() {
        return refused.entrySet().stream().filter(e -> e.getKey().gatewaysFinding()).mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long refusedInAll() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
