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
 * @param requestTimeout        a poll not answered by then is an error ("timeout")
 */
public record ProbeSpec(
        @Field(help = "shortest time between two polls of one route", fallback = "50ms", atLeast = "1ms")
        Duration pollInterval,
        @Field(help = "right answers in a row that make a route activated (Gateway API conformance uses 3)",
                fallback = "3", min = 1, max = 100)
        int consecutiveSuccesses,
        @Field(help = "a route not activated by then is reported as never activated", fallback = "60s",
                atLeast = "100ms")
        Duration timeout,
        @Field(help = "the probe's global request budget against one data plane", fallback = "2000", min = 1,
                max = 1_000_000)
        int maxRequestsPerSecond,
        @Field(help = "keep-alive connections the probe holds to the data plane", fallback = "8", min = 1, max = 1024)
        int connections,
        @Field(help = "a poll not answered by then counts as an error (timeout)", fallback = "2s", atLeast = "10ms")
        Duration requestTimeout) {

    /** The part of these settings that judges activation, as journaled for the analyses. */
    public ProbeRule rule() {
        return new ProbeRule(consecutiveSuccesses, pollInterval.toNanos(), timeout.toNanos());
    }
}
