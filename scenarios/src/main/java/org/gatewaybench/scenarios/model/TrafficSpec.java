package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.probes.traffic.TrafficPlan;
import org.gatewaybench.scenarios.rules.TrafficRules;

/**
 * Steady traffic to the stable routes while churn runs (Gatling, open model).
 *
 * @param rate           requests per second, whatever the answers take
 * @param duration       how long requests are started, or null for "until the churn ends"; the
 *                       traffic also stops when the churn ends, and never outlasts the probe's bound
 * @param requestTimeout how long one request may take before it counts as an error
 * @param wrk            a wrk run against the first stable route after the traffic, or null
 */
@CheckedBy(TrafficRules.class)
public record TrafficSpec(
        @Field(help = "requests per second to the stable routes (open model: sent whatever the answers take)",
                required = true, min = 0, aboveMin = true, max = TrafficPlan.MAX_RATE_PER_SECOND)
        double rate,
        @Field(help = "how long traffic is sent, at most 2h (default: until the churn ends)", atLeast = "1s")
        Duration duration,
        @Field(help = "a request not answered by then counts as an error", fallback = "5s", atLeast = "100ms")
        Duration requestTimeout,
        @Field(help = "after the traffic, measure the first stable route with wrk too (Debian package wrk)")
        WrkSpec wrk) {

    /**
     * A wrk run (closed model) against the first stable route, right after the Gatling traffic,
     * as a second opinion on its latencies.
     *
     * @param connections connections wrk keeps busy (one thread per connection, up to 4)
     * @param duration    how long wrk runs
     */
    public record WrkSpec(
            @Field(help = "connections wrk keeps busy, each sending its next request when the answer came",
                    fallback = "1", min = 1, max = 1000)
            int connections,
            @Field(help = "how long wrk runs, at most 5m", fallback = "5s", atLeast = "1s")
            Duration duration) {
    }
}
