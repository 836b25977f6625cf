package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.ms;
import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ConfigApplyFigures;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** How long the data planes took to apply configs, against the routes each config held. */
record ConfigAppliesSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Markup.open(h, null, title(), "How long each data-plane config apply took (reload, runtime API update, ...) "
                + "against the number of routes the config held.");
        List<String> gateways = a.gateways();
        h.append("<figure>").append(Charts.applyDurations(a.configApplies(), gateways)).append("</figure>");
        Table t = new Table("gateway", "mechanism", "applies", "p50", "p90", "p99", "max", "failed", "unfinished",
                "routes per apply", "most routes");
        for (int g = 0; g < gateways.size(); g++) {
            ConfigApplyFigures c = a.configApplies().get(gateways.get(g)).figures();
            LatencyStats s = c.duration();
            t.row(Markup.gatewayCell(g, gateways.get(g)), Html.escape(String.join(", ", c.mechanisms())),
                    n(c.applies()), ms(s, s.p50Nanos()), ms(s, s.p90Nanos()), ms(s, s.p99Nanos()), ms(s, s.maxNanos()),
                    bad(c.failed()), bad(c.unfinished()), FigureFormat.significant(c.meanChanges()), n(c.maxRoutes()));
        }
        h.append(t.html()).append("</section>\n");
    }
}
