package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * Finds the {@link RunLayout}: gateways are those named in the first run-started, then any other
 * that has events, in order of appearance. A gateway starts at its gateway-started event, or at its
 * first event when the journal has none.
 */
final class LayoutAnalysis implements Fold {

    private List<String> named;
    private final Set<String> appeared = new LinkedHashSet<>();
    private final Map<String, Long> firstEvent = new LinkedHashMap<>();
    private final Map<String, Long> lastEvent = new LinkedHashMap<>();
    private final Map<String, long[]> wallSpan = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();
    private final Map<String, String> dataPlanes = new LinkedHashMap<>();
    private final Set<String> stopped = new LinkedHashSet<>();
    private final Map<String, List<Events.PhaseStarted>> phaseStarts = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> phaseEnds = new LinkedHashMap<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.RunStarted r && named == null) {
            named = r.gateways() == null ? List.of() : r.gateways();
        }
        String gateway = RunLayout.gatewayOf(e);
        if (gateway == null) {
            return;
        }
        appeared.add(gateway);
        long mono = e.at().mono();
        firstEvent.putIfAbsent(gateway, mono);
        lastEvent.merge(gateway, mono, Math::max);
        long[] span = wallSpan.computeIfAbsent(gateway, g -> new long[] {e.at().wall(), e.at().wall()});
        span[1] = e.at().wall();
        if (e instanceof Events.GatewayStarted s) {
            started.putIfAbsent(gateway, mono);
            dataPlanes.putIfAbsent(gateway, s.dataPlane());
        } else if (e instanceof Events.GatewayStopped) {
            stopped.add(gateway);
        } else if (e instanceof Events.PhaseStarted p) {
            phaseStarts.computeIfAbsent(gateway, g -> new ArrayList<>()).add(p);
        } else if (e instanceof Events.PhaseEnded p) {
            phaseEnds.computeIfAbsent(gateway, g -> new LinkedHashMap<>()).putIfAbsent(p.index(), mono);
        }
    }

    RunLayout result() {
        Set<String> names = new LinkedHashSet<>(named == null ? List.of() : named);
        names.addAll(appeared);
        Map<String, Long> starts = new LinkedHashMap<>();
        Map<String, List<PhaseSpan>> phases = new LinkedHashMap<>();
        for (String gateway : names) {
            long origin = started.getOrDefault(gateway, firstEvent.getOrDefault(gateway, 0L));
            starts.put(gateway, origin);
            List<PhaseSpan> spans = new ArrayList<>();
            Map<Integer, Long> ends = phaseEnds.getOrDefault(gateway, Map.of());
            for (Events.PhaseStarted p : phaseStarts.getOrDefault(gateway, List.of())) {
                Long end = ends.get(p.index());
                spans.add(new PhaseSpan(p.index(), p.phase(), p.kind(), p.plannedOps(),
                        RunLayout.seconds(p.at().mono() - origin),
                        end == null ? Double.NaN : RunLayout.seconds(end - origin)));
            }
            phases.put(gateway, List.copyOf(spans));
        }
        return new RunLayout(List.copyOf(names), starts, dataPlanes, phases, wallSpan, lastEvent, Set.copyOf(stopped));
    }
}
