package org.gatewaybench.scenarios.model;

import java.time.Duration;

/**
 * Steady traffic to the stable routes while churn runs (Gatling, open model).
 *
 * @param rate           requests per second, whatever the answers take
 * @param duration       how long requests are started, or null for "until the churn ends"; the
 *                       traffic also stops when the churn ends, and never outlasts the probe's bound
 * @param requestTimeout how long one request may take before it counts as an error
 * @param wrk            a wrk run against the first stable route after the traffic, or null
 */
public record TrafficSpec(double rate, Duration duration, Duration requestTimeout, WrkSpec wrk) {

    /**
     * A wrk run (closed model) against the first stable route, right after the Gatling traffic,
     * as a second opinion on its latencies.
     *
     * @param connections connections wrk keeps busy (one thread per connection, up to 4)
     * @param duration    how long wrk runs
     */
    public record WrkSpec(int connections, Duration duration) {
    }
}
