package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.gatewayCell;
import static org.gatewaybench.reports.html.Markup.n;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * Steady traffic to stable routes: Gatling's figures (with a link to its own report), wrk's second
 * opinion, and per gateway the latency of each window over the run. Shown only when the run sent traffic.
 *
 * @param runDir the run folder, to link Gatling's report relative to it; null to keep its path as journaled
 */
record TrafficSection(String title, Path runDir) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        if (a.traffic().values().stream().noneMatch(GatewayTraffic::any)) {
            return;
        }
        Markup.open(h, null, title(), "Steady open-model traffic (Gatling) to routes the churn never touches, over "
                + "keep-alive connections. Every answer must be a 200 from the route's backend; anything else is a "
                + "failed request. Latencies in ms as Gatling measures them (whole milliseconds).");
        Table t = new Table("gateway", "rate /s", "requests", "ok", "failed", "p50", "p75", "p95", "p99", "max",
                "mean", "by status", "Gatling report");
        Table w = new Table("gateway", "wrk route", "connections", "seconds", "requests", "req/s", "p50", "p75",
                "p90", "p99", "max", "errors");
        boolean anyWrk = false;
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayTraffic tr = a.traffic().get(gateways.get(g));
            var s = tr.summary();
            if (s != null) {
                t.row(gatewayCell(g, gateways.get(g)), FigureFormat.significant(s.ratePerSecond()), n(s.requests()),
                        n(s.ok()), bad(s.ko()), n(s.p50Ms()), n(s.p75Ms()), n(s.p95Ms()), n(s.p99Ms()), n(s.maxMs()),
                        FigureFormat.significant(s.meanMs()), Html.escape(String.valueOf(tr.byStatus())),
                        reportLink(s.report()));
            }
            var wrk = tr.wrk();
            if (wrk != null) {
                anyWrk = true;
                w.row(gatewayCell(g, gateways.get(g)), Html.escape(wrk.host() + wrk.path()),
                        n(wrk.connections()), FigureFormat.seconds(wrk.durationNanos() / 1e9), n(wrk.requests()),
                        FigureFormat.significant(wrk.requestsPerSecond()), FigureFormat.millis(wrk.p50Nanos()),
                        FigureFormat.millis(wrk.p75Nanos()), FigureFormat.millis(wrk.p90Nanos()),
                        FigureFormat.millis(wrk.p99Nanos()), FigureFormat.millis(wrk.maxNanos()), bad(wrk.errors()));
            }
        }
        h.append(t.html());
        if (anyWrk) {
            h.append("<h3>wrk, as a second opinion</h3><p class=\"hint\">wrk is a closed model: each connection sends "
                    + "its next request as soon as the answer came, after the Gatling traffic ended. Its latencies "
                    + "are to the microsecond.</p>").append(w.html());
        }
        for (int g = 0; g < gateways.size(); g++) {
            GatewayTraffic tr = a.traffic().get(gateways.get(g));
            if (!tr.windows().isEmpty()) {
                String gateway = gateways.get(g);
                Markup.gatewayFigure(h, g, gateway,
                        ChaosCharts.trafficOverTime(tr, RunAnalysis.orNull(() -> a.faults().get(gateway))));
            }
        }
        h.append("</section>\n");
    }

    private String reportLink(String report) {
        if (report == null || report.isBlank()) {
            return FigureFormat.NONE;
        }
        String href = report;
        if (runDir != null) {
            Path target = Path.of(report);
            Path base = runDir.toAbsolutePath().normalize();
            if (target.isAbsolute() && target.normalize().startsWith(base)) {
                href = base.relativize(target.normalize()).toString();
            }
        }
        String link = href.endsWith("/") ? href + "index.html" : href + "/index.html";
        return "<a href=\"" + Html.escape(link) + "\">index.html</a>";
    }
}
