package org.gatewaybench.probes.activation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the activation probe polls.
 *
 * @param pollInterval the shortest time between two polls of one route: the best resolution
 * @param requiredSuccesses OK answers in a row that make a route reach its expected state (3 in the
 *     Gateway API conformance rule)
 * @param timeout how long after t0 the probe waits before it gives up on a route (a finding)
 * @param maxRequestsPerSecond the global request budget of the probe towards one data plane; when
 *     many routes are pending the per-route interval grows to pending / budget
 * @param connections keep-alive connections to the data plane, each with one request in flight
 * @param requestTimeout an answer later than this counts as an error ("timeout")
 */
public record ProbeSettings(Duration pollInterval, int requiredSuccesses, Duration timeout,
                            int maxRequestsPerSecond, int connections, Duration requestTimeout) {

    public ProbeSettings {
        requirePositive("pollInterval", pollInterval);
        requirePositive("timeout", timeout);
        requirePositive("requestTimeout", requestTimeout);
        if (requiredSuccesses < 1) {
            throw new IllegalArgumentException("probe requiredSuccesses must be >= 1, found " + requiredSuccesses);
        }
        if (maxRequestsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "probe maxRequestsPerSecond must be >= 1, found " + maxRequestsPerSecond);
        }
        if (connections < 1 || connections > 10_000) {
            throw new IllegalArgumentException("probe connections must be within 1..10000, found " + connections);
        }
    }

    /** 10 ms resolution, 3 in a row, 60 s timeout, 2,000 requests/s over 16 connections, 2 s per answer. */
    public static ProbeSettings defaults() {
        return new ProbeSettings(Duration.ofMillis(10), 3, Duration.ofSeconds(60), 2_000, 16, Duration.ofSeconds(2));
    }

    public ProbeSettings withPollInterval(Duration value) {
        return new ProbeSettings(value, requiredSuccesses, timeout, maxRequestsPerSecond, connections, requestTimeout);
    }

    public ProbeSettings withTimeout(Duration value) {
        return new ProbeSettings(pollInterval, requiredSuccesses, value, maxRequestsPerSecond, connections, requestTimeout);
    }

    public ProbeSettings withMaxRequestsPerSecond(int value) {
        return new ProbeSettings(pollInterval, requiredSuccesses, timeout, value, connections, requestTimeout);
    }

    public ProbeSettings withConnections(int value) {
        return new ProbeSettings(pollInterval, requiredSuccesses, timeout, maxRequestsPerSecond, value, requestTimeout);
    }

    public ProbeSettings withRequestTimeout(Duration value) {
        return new ProbeSettings(pollInterval, requiredSuccesses, timeout, maxRequestsPerSecond, connections, value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, () -> "probe " + name + " is missing; expected a positive duration");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("probe " + name + " must be a positive duration, found " + value);
        }
    }
}
