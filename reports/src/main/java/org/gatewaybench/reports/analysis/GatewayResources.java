package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and resident memory of each sampled component of one gateway over time, with peaks.
 *
 * @param components by component name (nginx, haproxy, ...), in order of first sample
 */
public record GatewayResources(String gateway, Map<String, Component> components) {

    public GatewayResources {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** One sample of all processes of a component; seconds since the gateway started. */
    public record Sample(double seconds, int processes, int workers, int drainingWorkers, double cpuPercent,
                         long rssBytes) {
    }

    /** A component's samples and its peaks. */
    public record Component(String name, List<Sample> samples, long peakRssBytes, double peakCpuPercent,
                            int peakWorkers, int peakDrainingWorkers, int peakProcesses) {

        public Component {
            samples = List.copyOf(samples);
        }

        /** The component with its peaks over {@code samples}. */
        static Component of(String name, List<Sample> samples) {
            return new Component(name, samples, samples.stream().mapToLong(Sample::rssBytes).max().orElse(0),
                    samples.stream().mapToDouble(Sample::cpuPercent).max().orElse(0),
                    samples.stream().mapToInt(Sample::workers).max().orElse(0),
                    samples.stream().mapToInt(Sample::drainingWorkers).max().orElse(0),
                    samples.stream().mapToInt(Sample::processes).max().orElse(0));
        }
    }
}
