package org.gatewaybench.probes.traffic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.time.Stamp;

/**
 * What one traffic run measured: Gatling's figures for the whole run, the answers by status as
 * the probe counted them, the per-second windows it journaled, and Gatling's report folder.
 *
 * @param byStatus     answers by HTTP status, "no-answer" for requests without one
 * @param wrongBackend 200 answers from another backend than the route's
 */
public record TrafficResult(String gateway, long startMono, double ratePerSecond,
                            GatlingStats gatling, Map<String, Long> byStatus, long wrongBackend,
                            List<Events.TrafficWindow> windows, Path report) {

    public TrafficResult {
        byStatus = Map.copyOf(byStatus);
        windows = List.copyOf(windows);
    }

    /** The run as one journal event. */
    public Events.TrafficSummary toSummary(Stamp at) {
        return new Events.TrafficSummary(at, gateway, startMono, gatling.injectMillis() * 1_000_000, ratePerSecond, gatling.requests(),
                gatling.ok(), gatling.ko(), gatling.p50Ms(), gatling.p75Ms(), gatling.p95Ms(), gatling.p99Ms(),
                gatling.maxMs(), gatling.meanMs(), byStatus, wrongBackend, gatling.errors(), report.toString());
    }
}
