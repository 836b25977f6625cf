package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.significant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis.GatewayFigures;
import org.gatewaybench.reports.analysis.PhaseSpan;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * The report's long-connection section: drops per gateway and kind, per 1,000 route changes and per
 * config apply, the delay from config apply to drop, and per gateway a timeline of drops under its
 * config applies and the population held. Shown only when the journal has connection events.
 */
record LongConnectionSection(String title) implements Section {

    /** Styles of the section's charts, added to the report's style sheet. */
    static final String CSS = """
            .bar{stroke:none}
            .bar-label{font-size:11px;fill:var(--muted)}
            .dot.drop{fill-opacity:.75;stroke:#fff;stroke-width:.6}
            .apply-line{stroke:#6b7685;stroke-opacity:.18;stroke-width:1}
            .pop{fill:none;stroke-width:2}
            .target{fill:none;stroke-width:1.2;stroke-dasharray:5 4;stroke-opacity:.7}
            """;

    /** Appends the section to {@code h}, or nothing when the run held no long connections. */
    @Override
    public void append(StringBuilder h, RunAnalysis analysis) {
        LongConnectionAnalysis.Figures figures = analysis.longConnections();
        if (!figures.any()) {
            return;
        }
        List<String> gateways = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<String> all = analysis.gateways();
        for (int g = 0; g < all.size(); g++) {
            if (figures.gateways().containsKey(all.get(g))) {
                gateways.add(all.get(g));
                colours.add(Palette.colour(g));
            }
        }
        Markup.open(h, "long-connections", title(), "Connections the long-connection probe held through each "
                + "gateway to stable routes (routes the churn never touches) while routes churned. A drop is a connection that ended or stalled without the probe "
                + "asking; the probe then reconnects. Each drop names the first config apply after its connection "
                + "opened: on a reloading data plane, the one that moved it to an old worker.");
        totals(h, figures.gateways(), gateways, all);
        kinds(h, figures.gateways(), gateways, all);
        h.append("<figure>").append(LongConnectionCharts.dropsByKind(figures.gateways(), gateways, colours))
                .append("</figure>");
        h.append("<h3>Delay from config apply to drop</h3><p class=\"lead\">Delays that gather at one value "
                + "point to a drain timeout of the data plane (nginx: worker_shutdown_timeout).</p><figure>")
                .append(LongConnectionCharts.delayFromApply(figures.gateways(), gateways, colours))
                .append("</figure>");
        for (String gateway : gateways) {
            GatewayFigures f = figures.gateways().get(gateway);
            List<PhaseSpan> phases = analysis.layout().phases(gateway);
            double end = LongConnectionCharts.endSeconds(f, phases);
            h.append("<h3>").append(Markup.swatch(all.indexOf(gateway))).append(Html.escape(gateway))
                    .append(": drops and connections over time</h3><figure>")
                    .append(LongConnectionCharts.timeline(gateway, f, phases, end)).append("</figure><figure>")
                    .append(LongConnectionCharts.population(gateway, f, phases, end)).append("</figure>");
        }
        h.append("<p class=\"hint\">Ticks in the strip at the top of a chart are config applies (faint lines carry "
                + "them down); dashed lines start churn phases. In the population chart solid lines are connections "
                + "open (sampled once a second, so a drop replaced within the second may not show), dashed lines the probe's target.</p></section>\n");
    }

    private static void totals(StringBuilder h, Map<String, GatewayFigures> figures, List<String> gateways,
                               List<String> all) {
        Table t = new Table("gateway", "held", "drops", "route changes",
                "drops per 1,000 route changes", "config applies", "drops per config apply", "failed reconnects",
                "drops without a config apply");
        for (String gateway : gateways) {
            GatewayFigures f = figures.get(gateway);
            long held = f.kinds().values().stream().mapToLong(LongConnectionAnalysis.KindFigures::target).sum();
            long failedReconnects = f.kinds().values().stream()
                    .mapToLong(LongConnectionAnalysis.KindFigures::failedReconnects).sum();
            t.row(Markup.gatewayCell(all.indexOf(gateway), gateway), String.valueOf(held),
                    bad(f.drops()), String.valueOf(f.routeChanges()), significant(f.dropsPer1000RouteChanges()),
                    String.valueOf(f.configApplies()), significant(f.dropsPerConfigApply()), bad(failedReconnects),
                    String.valueOf(f.dropsWithoutApply()));
        }
        h.append(t.html());
    }

    private static void kinds(StringBuilder h, Map<String, GatewayFigures> figures, List<String> gateways,
                              List<String> all) {
        Table t = new Table("gateway", "kind", "held", "opened", "drops",
                "causes", "failed reconnects", "failed first opens");
        for (String gateway : gateways) {
            GatewayFigures f = figures.get(gateway);
            for (ConnectionKind kind : f.kinds().keySet()) {
                LongConnectionAnalysis.KindFigures k = f.kinds().get(kind);
                t.row(Markup.gatewayCell(all.indexOf(gateway), gateway), Html.escape(kind.word()),
                        String.valueOf(k.target()), String.valueOf(k.opened()), bad(k.drops()),
                        causes(k.dropsByCause()), bad(k.failedReconnects()), bad(k.failedOpens()));
            }
        }
        h.append(t.html()).append("<p class=\"hint\">Held: the population the probe keeps open. Opened counts "
                + "reconnects too. Causes: closed (the peer closed it), reset, stalled (no answer for 3 intervals), "
                + "garbled, error-answer (an HTTP error status). A failed reconnect is a try to replace a dropped "
                + "connection that failed.</p>");
    }

    private static String causes(Map<DropCause, Long> byCause) {
        if (byCause.isEmpty()) {
            return FigureFormat.NONE;
        }
        return byCause.entrySet().stream()
                .map(e -> e.getKey().word() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

}
