package org.gatewaybench.scenarios.model;

import java.time.Duration;

/**
 * Sampling of the gateways' CPU and resident memory per component (in the lab from /proc).
 *
 * @param interval time between two samples
 */
public record ResourceSpec(
        @Field(help = "time between two samples of each component's CPU and resident memory", fallback = "1s",
                atLeast = "50ms")
        Duration interval) {
}
