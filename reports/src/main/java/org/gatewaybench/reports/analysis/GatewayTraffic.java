package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;

/**
 * The traffic probe's view of one gateway: its windows over time, Gatling's summary of the whole
 * run and wrk's second opinion, if the run had them.
 *
 * @param windows  one per window in time order; seconds since the gateway started
 * @param summary  Gatling's figures of the whole run, or null when the run has none
 * @param wrk      wrk's run against one stable route, or null
 * @param byStatus answers by status over all windows ("no-answer" for connection errors)
 */
public record GatewayTraffic(String gateway, List<Window> windows, Events.TrafficSummary summary,
                             Events.WrkSummary wrk, Map<String, Long> byStatus) {

    public GatewayTraffic {
        windows = List.copyOf(windows);
        byStatus = Map.copyOf(byStatus);
    }

    /** One window of traffic: answers completed in [startSeconds, endSeconds). Latencies in ms, -1 for none. */
    public record Window(double startSeconds, double endSeconds, long requests, long ok, long ko, long wrongBackend,
                         long p50Ms, long p99Ms, long maxMs) {
    }

    /** Whether the run sent traffic to this gateway. */
    public boolean any() {
        return summary != null || !windows.isEmpty();
    }

    /** Failed requests over all windows (errors, timeouts, wrong answers). */
    public long ko() {
        return windows.stream().mapToLong(Window::ko).sum();
    }

    public static Map<String, GatewayTraffic> analyze(History history, RunLayout layout) {
        Map<String, GatewayTraffic> out = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            List<Window> windows = new ArrayList<>();
            Map<String, Long> statuses = new TreeMap<>();
            history.select(Events.TrafficWindow.class).filter(w -> gateway.equals(w.gateway())).forEach(w -> {
                windows.add(new Window(layout.secondsSinceStart(gateway, w.startMono()),
                        layout.secondsSinceStart(gateway, w.endMono()), w.requests(), w.ok(), w.ko(),
                        w.wrongBackend(), w.p50Ms(), w.p99Ms(), w.maxMs()));
                if (w.byStatus() != null) {
                    w.byStatus().forEach((k, v) -> statuses.merge(k, v, Long::sum));
                }
            });
            windows.sort(java.util.Comparator.comparingDouble(Window::startSeconds));
            Events.TrafficSummary summary = history.select(Events.TrafficSummary.class)
                    .filter(s -> gateway.equals(s.gateway())).reduce((a, b) -> b).orElse(null);
            Events.WrkSummary wrk = history.select(Events.WrkSummary.class)
                    .filter(s -> gateway.equals(s.gateway())).reduce((a, b) -> b).orElse(null);
            out.put(gateway, new GatewayTraffic(gateway, windows, summary, wrk, statuses));
        }
        return out;
    }
}
