package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.core.activation.ProbeRule;

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

    /** The part of these settings that judges activation, as journaled for the analyses. */
    public ProbeRule rule() {
        return new ProbeRule(consecutiveSuccesses, pollInterval.toNanos(), timeout.toNanos());
    }
}
