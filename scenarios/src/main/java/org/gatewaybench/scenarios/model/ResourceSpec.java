package org.gatewaybench.scenarios.model;

import java.time.Duration;

/**
 * Sampling of the gateways' CPU and resident memory per component (in the lab from /proc).
 *
 * @param interval time between two samples
 */
public record ResourceSpec(Duration interval) {
}
