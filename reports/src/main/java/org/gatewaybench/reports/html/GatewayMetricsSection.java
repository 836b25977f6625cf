package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ConfigApply;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayConfigApplies;
import org.gatewaybench.reports.analysis.GatewayFaults;
import org.gatewaybench.reports.analysis.GatewayMetrics;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * The report's gateway-metrics section: a table of every scraped series (first, last, change over
 * the run, min, max) and per gateway small step charts of the series that changed most, under the
 * fault spans and config applies. Shown only when the journal has gateway-metric events.
 */
record GatewayMetricsSection(String title) implements Section {

    /** Styles of the section, added to the report's style sheet. */
    static final String CSS = """
            .metric-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:6px 14px}
            .step{fill:none;stroke-width:1.8}
            .series-id{text-align:left;white-space:normal;min-width:220px;overflow-wrap:anywhere}
            .series-id small{display:block;color:var(--muted);font-size:11.5px}
            """;
    /** Series listed per gateway; summary.json has them all. */
    static final int MAX_LISTED = 100;
    /** Series charted per gateway. */
    static final int CHARTED = 4;
    private static final int CHART_WIDTH = 540;
    private static final int CHART_HEIGHT = 210;
    private static final int LEGEND_CHARS = 60;

    /** Appends the section to {@code h}, or nothing when no gateway's metrics were scraped. */
    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        if (a.metrics().values().stream().noneMatch(GatewayMetrics::any)) {
            return;
        }
        Markup.open(h, "gateway-metrics", title(), "The gateways' own Prometheus metrics as the harness scraped "
                + "them during the run. For a counter the change is its increase over the run (a drop counts as a restart from 0): the reloads, xDS pushes or sync "
                + "errors the gateway itself counted. For a gauge it is the last value minus the first.");
        Table t = new Table("gateway", "metric {labels}", "kind", "samples",
                "seconds", "first", "last", "change", "min", "max", "resets");
        List<String> gateways = a.gateways();
        boolean cut = false;
        for (int g = 0; g < gateways.size(); g++) {
            List<GatewayMetrics.Series> series = a.metrics().get(gateways.get(g)).series();
            cut |= series.size() > MAX_LISTED;
            for (GatewayMetrics.Series s : series.subList(0, Math.min(MAX_LISTED, series.size()))) {
                boolean counter = s.kind() == GatewayMetrics.Kind.COUNTER;
                t.row(Markup.gatewayCell(g, gateways.get(g)), "<div class=\"series-id\">"
                                + Html.escape(s.name()) + "<small>" + Html.escape(s.labelText()) + "</small></div>",
                        counter ? "counter" : "gauge", String.valueOf(s.samples()),
                        FigureFormat.seconds(s.firstSeconds()) + "–" + FigureFormat.seconds(s.lastSeconds()),
                        FigureFormat.value(s.first()), FigureFormat.value(s.last()),
                        counter && s.change() > 0 ? "<b>" + FigureFormat.change(s.change()) + "</b>" : FigureFormat.change(s.change()),
                        FigureFormat.value(s.min()), FigureFormat.value(s.max()),
                        counter ? (s.resets() == 0 ? "0" : "<span class=\"bad\">" + s.resets() + "</span>") : FigureFormat.NONE);
            }
        }
        h.append(t.html()).append("<p class=\"hint\">Seconds since the gateway started, first to last sample. "
                + "Resets: times a counter dropped, as when chaos restarted the process that serves it.");
        if (cut) {
            h.append(" The first ").append(MAX_LISTED).append(" series of a gateway are listed; summary.json has all.");
        }
        h.append("</p>");
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            List<GatewayMetrics.Series> charted = a.metrics().get(gateway).mostChanging(CHARTED);
            if (charted.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(Markup.swatch(g)).append(Html.escape(gateway))
                    .append(": the series that changed most</h3><div class=\"metric-grid\">");
            // Fault spans and config applies only mark up the charts: without them the charts stand.
            GatewayFaults faults = RunAnalysis.orNull(() -> a.faults().get(gateway));
            GatewayConfigApplies applies = RunAnalysis.orNull(() -> a.configApplies().get(gateway));
            double end = endSeconds(a.metrics().get(gateway), faults);
            for (GatewayMetrics.Series s : charted) {
                h.append("<figure>").append(stepChart(s, end, faults, applies, Palette.colour(g))).append("</figure>");
            }
            h.append("</div>");
        }
        h.append("<p class=\"hint\">Each chart has its own value axis. Shaded: faults from start to heal; ticks at "
                + "the top: config applies of the data plane, where the journal has them.</p></section>\n");
    }

    private static double endSeconds(GatewayMetrics metrics, GatewayFaults faults) {
        double end = 1;
        for (GatewayMetrics.Series s : metrics.series()) {
            end = Math.max(end, s.lastSeconds());
        }
        if (faults != null) {
            for (FaultRecovery f : faults.faults()) {
                end = Math.max(end, f.healed() ? f.healSeconds() : f.startSeconds());
            }
        }
        return end;
    }

    /** One series as a step line: a value holds until the next sample that differs. */
    static String stepChart(GatewayMetrics.Series s, double end, GatewayFaults faults, GatewayConfigApplies applies,
                            String colour) {
        Plot plot = new Plot(CHART_WIDTH, CHART_HEIGHT, s.id(),
                new LinearScale(0, end, Plot.LEFT, CHART_WIDTH - Plot.RIGHT, ""),
                new LinearScale(s.min(), s.max(), CHART_HEIGHT - Plot.BOTTOM, Plot.TOP, ""));
        plot.frame("seconds since the gateway started", s.kind() == GatewayMetrics.Kind.COUNTER ? "count" : "value");
        ChaosCharts.shadeFaults(plot, faults);
        boolean anyApply = applies != null && !applies.applies().isEmpty();
        if (anyApply) {
            for (ConfigApply c : applies.applies()) {
                plot.svg.rect(plot.x.pixel(c.startSeconds()) - 1, plot.top(), 2, 8,
                        c.ok() ? "apply-tick" : "apply-tick failed", null);
            }
        }
        List<double[]> points = new ArrayList<>();
        GatewayMetrics.Point previous = null;
        for (GatewayMetrics.Point p : s.points()) {
            double px = plot.x.pixel(p.seconds());
            if (previous == null) {
                points.add(new double[] {px, plot.y.pixel(p.value())});
            } else if (p.value() != previous.value()) {
                points.add(new double[] {px, plot.y.pixel(previous.value())});
                points.add(new double[] {px, plot.y.pixel(p.value())});
            }
            previous = p;
        }
        points.add(new double[] {plot.x.pixel(s.lastSeconds()), plot.y.pixel(s.last())});
        plot.svg.polyline(points, "step", colour);
        // The whole id is the chart's title (a tooltip); the legend line must fit the chart.
        String id = s.id();
        String label = id.length() <= LEGEND_CHARS ? id : id.substring(0, LEGEND_CHARS - 1) + "…";
        return plot.legend(List.of(label), List.of(colour)).end();
    }
}
