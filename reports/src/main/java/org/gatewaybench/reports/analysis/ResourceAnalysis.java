package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/** Finds each gateway's {@link GatewayResources} from its resource summaries (one per component and sample). */
final class ResourceAnalysis implements Fold {

    /** Per gateway, per component in order of first sample. */
    private final PerGateway<Map<String, List<Events.ResourceSummary>>> samples = new PerGateway<>(LinkedHashMap::new);

    @Override
    public void accept(Event e) {
        if (e instanceof Events.ResourceSummary s) {
            samples.of(s.gateway()).computeIfAbsent(s.component(), c -> new ArrayList<>()).add(s);
        }
    }

    Map<String, GatewayResources> result(RunLayout layout) {
        return samples.results(layout, (gateway, byComponent) -> {
            Map<String, GatewayResources.Component> components = new LinkedHashMap<>();
            byComponent.forEach((name, summaries) -> {
                List<GatewayResources.Sample> list = new ArrayList<>();
                for (Events.ResourceSummary s : summaries) {
                    list.add(new GatewayResources.Sample(layout.secondsSinceStart(gateway, s.at().mono()),
                            s.processes(), s.workers(), s.drainingWorkers(), s.cpuPercent(), s.rssBytes()));
                }
                components.put(name, GatewayResources.Component.of(name, list));
            });
            return new GatewayResources(gateway, components);
        });
    }
}
