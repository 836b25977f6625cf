package org.gatewaybench.scenarios.model;

import java.time.Duration;

/**
 * How the activation probe watches routes.
 *
 * @param pollInterval          shortest time between two polls of one route
 * @param consecutiveSuccesses  right answers in a row that make a route activated
 * @param timeout               a route not activated by then is "never activated"
 * @param maxRequestsPerSecond  the probe's global request budget against one data plane
 * @param connections           keep-alive connections the probe holds to the data plane
 */
public record ProbeSpec(Duration pollInterval, int consecutiveSuccesses, Duration timeout,
                        int maxRequestsPerSecond, int connections) {
}
