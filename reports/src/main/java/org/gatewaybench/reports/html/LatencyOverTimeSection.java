package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.ms;
import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.PhaseActivation;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** Per gateway, the latency of every write over the run under its config applies, and its figures per phase. */
record LatencyOverTimeSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Markup.open(h, null, title(), "One dot per write, at the moment its route API acknowledged it. Config "
                + "applies of the data plane are ticks in the strip at the top (shaded when long enough to see); "
                + "dashed lines start churn phases; crosses in the lane below the strip are writes the probe gave "
                + "up on.");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            Markup.gatewayFigure(h, g, gateway, Charts.latencyOverTime(a.activation().get(gateway),
                    a.configApplies().get(gateway), a.layout().phases(gateway), Palette.colour(g)));
            phases(h, a.activation().get(gateway));
        }
        h.append("</section>\n");
    }

    private static void phases(StringBuilder h, GatewayActivation activation) {
        if (activation.phases().isEmpty()) {
            return;
        }
        Table t = new Table("phase", "kind", "seconds", "writes", "activated", "p50", "p90", "p99", "max",
                "never activated", "deactivated", "deactivation p50", "error polls", "failed writes", "superseded",
                "unresolved");
        for (PhaseActivation p : activation.phases()) {
            ActivationFigures f = p.figures();
            LatencyStats s = f.activation();
            t.row(Html.escape(p.span().phase()), Html.escape(p.span().kind().word()),
                    FigureFormat.seconds(p.span().startSeconds()) + "–"
                            + (p.span().ended() ? FigureFormat.seconds(p.span().endSeconds()) : "open"),
                    n(f.ops()), n(s.count()), ms(s, s.p50Nanos()), ms(s, s.p90Nanos()), ms(s, s.p99Nanos()),
                    ms(s, s.maxNanos()), bad(f.neverActivated()), n(f.deactivation().count()),
                    ms(f.deactivation(), f.deactivation().p50Nanos()), bad(f.errorPolls()), bad(f.failedOps()),
                    n(f.superseded()), bad(f.unresolved()));
        }
        h.append(t.html()).append("<p class=\"hint\">Superseded: a later write to the same route was "
                + "acknowledged before this one showed in the data plane; the probe judges the newest.</p>");
    }
}
