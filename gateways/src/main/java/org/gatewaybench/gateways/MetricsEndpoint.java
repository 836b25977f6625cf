package org.gatewaybench.gateways;

import java.util.Map;
import java.util.Set;

/**
 * A gateway's own Prometheus endpoint in a cluster: a port and path on each pod that
 * {@code podSelector} selects in {@code namespace}, and the metric names worth journaling from it
 * (config reloads, xDS pushes, sync errors).
 *
 * @param metricNames sample or family names to journal; the rest of the page is ignored
 */
public record MetricsEndpoint(String namespace, Map<String, String> podSelector, int port, String path,
                              Set<String> metricNames) {

    public MetricsEndpoint {
        podSelector = Map.copyOf(podSelector);
        metricNames = Set.copyOf(metricNames);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 1-65535, found " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("metrics path must start with /, found '" + path + "'");
        }
    }
}
