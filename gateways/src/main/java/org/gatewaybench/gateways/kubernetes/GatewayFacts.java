package org.gatewaybench.gateways.kubernetes;

import java.util.List;

/**
 * What a Kubernetes gateway driver says about its gateway once installed: for probes (resources,
 * chaos) and for the report.
 *
 * @param controllerSelector the label selector of the controller pods (chaos kills these)
 * @param dataPlaneSelector  the label selector of the data-plane pods (long connections land here)
 * @param metrics            metrics endpoints, each as {@code selector port path}
 */
public record GatewayFacts(String controllerSelector, String dataPlaneSelector, List<String> metrics) {

    public GatewayFacts {
        metrics = List.copyOf(metrics);
    }
}
