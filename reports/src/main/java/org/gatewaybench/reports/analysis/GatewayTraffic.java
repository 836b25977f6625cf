package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatewaybench.core.journal.Events;

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
        byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus)); // in status order
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
}
