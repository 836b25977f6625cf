package org.gatewaybench.probes.metrics;

import java.util.List;

/**
 * A metric as declared by {@code # TYPE} and {@code # HELP}, with its samples; a histogram's or
 * summary's {@code _bucket}, {@code _sum} and {@code _count} samples belong to it.
 *
 * @param type counter, gauge, histogram, summary, gaugehistogram, info, stateset or untyped
 * @param help the help text, or empty
 */
public record MetricFamily(String name, String type, String help, List<MetricSample> samples) {

    public MetricFamily {
        samples = List.copyOf(samples);
    }
}
