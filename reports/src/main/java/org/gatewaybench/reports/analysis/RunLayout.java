package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.GatewayEvent;
import org.gatewaybench.core.journal.History;

/**
 * Where each gateway sits in a run: the gateways in the order they ran, the moment each started
 * (the origin of its time axis) and its churn phases.
 */
public final class RunLayout {

    private final List<String> gateways;
    private final Map<String, Long> startMono;
    private final Map<String, String> dataPlanes;
    private final Map<String, List<PhaseSpan>> phases;
    private final Map<String, long[]> wallSpan;

    private RunLayout(List<String> gateways, Map<String, Long> startMono, Map<String, String> dataPlanes,
                      Map<String, List<PhaseSpan>> phases, Map<String, long[]> wallSpan) {
        this.gateways = gateways;
        this.startMono = startMono;
        this.dataPlanes = dataPlanes;
        this.phases = phases;
        this.wallSpan = wallSpan;
    }

    /**
     * Reads the layout of {@code history}. Gateways are those named in RunStarted, then any other
     * that has events, in order of appearance. A gateway starts at its GatewayStarted event, or at
     * its first event when the journal has none.
     */
    public static RunLayout of(History history) {
        Set<String> names = new LinkedHashSet<>();
        history.runStarted().ifPresent(r -> {
            if (r.gateways() != null) {
                names.addAll(r.gateways());
            }
        });
        Map<String, Long> firstEvent = new LinkedHashMap<>();
        Map<String, long[]> wallSpan = new LinkedHashMap<>();
        Map<String, Long> started = new LinkedHashMap<>();
        Map<String, String> dataPlanes = new LinkedHashMap<>();
        Map<String, List<Events.PhaseStarted>> phaseStarts = new LinkedHashMap<>();
        Map<String, Map<Integer, Long>> phaseEnds = new LinkedHashMap<>();
        for (Event e : history.events()) {
            String gateway = gatewayOf(e);
            if (gateway == null) {
                continue;
            }
            names.add(gateway);
            firstEvent.putIfAbsent(gateway, e.at().mono());
            long[] span = wallSpan.computeIfAbsent(gateway, g -> new long[] {e.at().wall(), e.at().wall()});
            span[1] = e.at().wall();
            if (e instanceof Events.GatewayStarted s) {
                started.putIfAbsent(gateway, s.at().mono());
                dataPlanes.putIfAbsent(gateway, s.dataPlane());
            } else if (e instanceof Events.PhaseStarted p) {
                phaseStarts.computeIfAbsent(gateway, g -> new ArrayList<>()).add(p);
            } else if (e instanceof Events.PhaseEnded p) {
                phaseEnds.computeIfAbsent(gateway, g -> new LinkedHashMap<>()).putIfAbsent(p.index(), p.at().mono());
            }
        }
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
                        seconds(p.at().mono() - origin), end == null ? Double.NaN : seconds(end - origin)));
            }
            phases.put(gateway, List.copyOf(spans));
        }
        return new RunLayout(List.copyOf(names), starts, dataPlanes, phases, wallSpan);
    }

    /** The gateway an event belongs to, or null for run-wide events. */
    public static String gatewayOf(Event e) {
        return e instanceof GatewayEvent g ? g.gateway() : null;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    public List<String> gateways() {
        return gateways;
    }

    /** The monotonic nanos at which {@code gateway} started: 0 on its time axis. */
    public long startMono(String gateway) {
        return startMono.getOrDefault(gateway, 0L);
    }

    /** Seconds from the start of {@code gateway} to {@code mono}. */
    public double secondsSinceStart(String gateway, long mono) {
        return seconds(mono - startMono(gateway));
    }

    /** The data plane address of {@code gateway}, or null when it never started. */
    public String dataPlane(String gateway) {
        return dataPlanes.get(gateway);
    }

    /** Wall-clock millis of the first and the last event of {@code gateway}; {0, 0} without events. */
    public long[] wallSpan(String gateway) {
        return wallSpan.getOrDefault(gateway, new long[2]).clone();
    }

    public List<PhaseSpan> phases(String gateway) {
        return phases.getOrDefault(gateway, List.of());
    }
}
