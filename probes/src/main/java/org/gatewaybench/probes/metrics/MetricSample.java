package org.gatewaybench.probes.metrics;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One line of a Prometheus text exposition: a series (name and labels) and its value, with the
 * exporter's timestamp in epoch milliseconds if it gave one. Values may be NaN or infinite.
 */
public record MetricSample(String name, Map<String, String> labels, double value, OptionalLong timestampMillis) {

    public MetricSample {
        labels = Map.copyOf(labels);
    }

    /** The value of label {@code label}, or null. */
    public String label(String label) {
        return labels.get(label);
    }
}
