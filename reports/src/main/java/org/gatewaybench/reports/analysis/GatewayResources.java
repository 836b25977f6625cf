package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;

/**
 * CPU and resident memory of each sampled component of one gateway over time, with peaks.
 *
 * @param components by component name (nginx, haproxy, ...), in order of first sample
 */
public record GatewayResources(String gateway, Map<String, Component> components) {

    public GatewayResources {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
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
    }

    public static Map<String, GatewayResources> analyze(History history, RunLayout layout) {
        Map<String, GatewayResources> out = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            Map<String, List<Sample>> byComponent = new LinkedHashMap<>();
            history.select(Events.ResourceSummary.class).filter(s -> gateway.equals(s.gateway())).forEach(s ->
                    byComponent.computeIfAbsent(s.component(), c -> new ArrayList<>()).add(new Sample(
                            layout.secondsSinceStart(gateway, s.at().mono()), s.processes(), s.workers(),
                            s.drainingWorkers(), s.cpuPercent(), s.rssBytes())));
            Map<String, Component> components = new LinkedHashMap<>();
            byComponent.forEach((name, samples) -> components.put(name, new Component(name, samples,
                    samples.stream().mapToLong(Sample::rssBytes).max().orElse(0),
                    samples.stream().mapToDouble(Sample::cpuPercent).max().orElse(0),
                    samples.stream().mapToInt(Sample::workers).max().orElse(0),
                    samples.stream().mapToInt(Sample::drainingWorkers).max().orElse(0),
                    samples.stream().mapToInt(Sample::processes).max().orElse(0))));
            out.put(gateway, new GatewayResources(gateway, components));
        }
        return out;
    }
}
