package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/** Finds each gateway's {@link GatewayTraffic}: its traffic windows, the last Gatling and wrk summaries. */
final class TrafficAnalysis implements Fold {

    private final PerGateway<Traffic> traffic = new PerGateway<>(Traffic::new);

    private static final class Traffic {
        final List<Events.TrafficWindow> windows = new ArrayList<>();
        final Map<String, Long> byStatus = new TreeMap<>();
        Events.TrafficSummary summary;
        Events.WrkSummary wrk;
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.TrafficWindow w) {
            Traffic t = traffic.of(w.gateway());
            t.windows.add(w);
            if (w.byStatus() != null) {
                w.byStatus().forEach((k, v) -> t.byStatus.merge(k, v, Long::sum));
            }
        } else if (e instanceof Events.TrafficSummary s) {
            traffic.of(s.gateway()).summary = s;
        } else if (e instanceof Events.WrkSummary w) {
            traffic.of(w.gateway()).wrk = w;
        }
    }

    Map<String, GatewayTraffic> result(RunLayout layout) {
        return traffic.results(layout, (gateway, t) -> {
            List<GatewayTraffic.Window> windows = new ArrayList<>();
            for (Events.TrafficWindow w : t.windows) {
                windows.add(new GatewayTraffic.Window(layout.secondsSinceStart(gateway, w.startMono()),
                        layout.secondsSinceStart(gateway, w.endMono()), w.requests(), w.ok(), w.ko(),
                        w.wrongBackend(), w.p50Ms(), w.p99Ms(), w.maxMs()));
            }
            windows.sort(Comparator.comparingDouble(GatewayTraffic.Window::startSeconds));
            return new GatewayTraffic(gateway, windows, t.summary, t.wrk, t.byStatus);
        });
    }
}
