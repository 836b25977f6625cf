package org.gatewaybench.gateways.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.gateways.MetricsEndpoint;

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
        labels(controllerSelector);
        labels(dataPlaneSelector);
        metrics.forEach(m -> endpoint("-", m, Set.of()));
    }

    /** The labels of a selector written {@code key=value,key=value} (equality only, as the drivers write them). */
    public static Map<String, String> labels(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String term : selector.split(",")) {
            int eq = term.indexOf('=');
            if (eq <= 0 || eq == term.length() - 1 || term.indexOf('=', eq + 1) >= 0 || term.contains("!")) {
                throw new IllegalArgumentException("label selector '" + selector
                        + "' must be key=value terms joined by commas; '" + term + "' is not");
            }
            labels.put(term.substring(0, eq).trim(), term.substring(eq + 1).trim());
        }
        return labels;
    }

    /** The metrics endpoints in {@code namespace}, each journaling {@code names}. */
    public List<MetricsEndpoint> endpoints(String namespace, Set<String> names) {
        return metrics.stream().map(m -> endpoint(namespace, m, names)).toList();
    }

    private static MetricsEndpoint endpoint(String namespace, String spec, Set<String> names) {
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("metrics endpoint '" + spec + "' must be 'selector port path'");
        }
        try {
            return new MetricsEndpoint(namespace, labels(parts[0]), Integer.parseInt(parts[1]), parts[2], names);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metrics endpoint '" + spec + "': port '" + parts[1]
                    + "' is not a number", e);
        }
    }
}
