package org.gatewaybench.reports.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.GatewayEvent;

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
    private final Map<String, Long> lastMono;
    private final Set<String> stopped;

    RunLayout(List<String> gateways, Map<String, Long> startMono, Map<String, String> dataPlanes,
              Map<String, List<PhaseSpan>> phases, Map<String, long[]> wallSpan, Map<String, Long> lastMono,
              Set<String> stopped) {
        this.gateways = List.copyOf(gateways);
        this.startMono = startMono;
        this.dataPlanes = dataPlanes;
        this.phases = phases;
        this.wallSpan = wallSpan;
        this.lastMono = lastMono;
        this.stopped = stopped;
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

    /** Seconds from the start of {@code gateway} to its last event; 0 without events. */
    public double lastSecond(String gateway) {
        return secondsSinceStart(gateway, lastMono.getOrDefault(gateway, startMono(gateway)));
    }

    /** Whether the run of {@code gateway} ended as planned (its gateway-stopped is in the journal). */
    public boolean stopped(String gateway) {
        return stopped.contains(gateway);
    }

    public List<PhaseSpan> phases(String gateway) {
        return phases.getOrDefault(gateway, List.of());
    }
}
