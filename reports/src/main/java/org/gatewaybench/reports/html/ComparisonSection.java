package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.gatewayCell;
import static org.gatewaybench.reports.html.Markup.ms;
import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.ConfigApplyFigures;
import org.gatewaybench.reports.analysis.HarnessLagFigures;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** The gateways side by side: activation latency, then the data plane's and the harness's part in it. */
record ComparisonSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Markup.open(h, null, title(), "Activation latency: from the API's acknowledgement of a write (t0) to the "
                + "first of the correct answers in a row that the data plane gave for it. First answer: from t0 to "
                + "the first correct answer alone (the rule of gateway-api-bench's published figures), judged from "
                + "the same polls. Milliseconds.");
        Table t = new Table("gateway", "writes", "activated", "p50", "p90", "p99", "max", "mean", "first answer p50",
                "first answer p99", "never activated", "resolution p50", "deactivated", "deactivation p50",
                "never deactivated");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            ActivationFigures f = a.activation().get(gateways.get(g)).overall();
            LatencyStats s = f.activation();
            LatencyStats first = f.firstAnswer();
            t.row(gatewayCell(g, gateways.get(g)), n(f.ops()), n(s.count()), ms(s, s.p50Nanos()),
                    ms(s, s.p90Nanos()), ms(s, s.p99Nanos()), ms(s, s.maxNanos()), ms(s, s.meanNanos()),
                    ms(first, first.p50Nanos()), ms(first, first.p99Nanos()),
                    bad(f.neverActivated()), ms(f.resolution(), f.resolution().p50Nanos()),
                    n(f.deactivation().count()), ms(f.deactivation(), f.deactivation().p50Nanos()),
                    bad(f.neverDeactivated()));
        }
        h.append(t.html());
        h.append("<h3>Data plane and harness</h3>");
        Table d = new Table("gateway", "error polls", "failed writes", "unresolved", "config applies", "mechanism",
                "apply p50", "apply p99", "failed applies", "routes per apply", "churn lag p99", "harness lag");
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            ActivationFigures f = a.activation().get(gateway).overall();
            ConfigApplyFigures c = a.configApplies().get(gateway).figures();
            HarnessLagFigures l = a.harnessLag().get(gateway);
            d.row(gatewayCell(g, gateway), bad(f.errorPolls()), bad(f.failedOps()), bad(f.unresolved()),
                    n(c.applies()), Html.escape(String.join(", ", c.mechanisms())),
                    ms(c.duration(), c.duration().p50Nanos()), ms(c.duration(), c.duration().p99Nanos()),
                    bad(c.failed()), FigureFormat.significant(c.meanChanges()), ms(f.churnLag(), f.churnLag().p99Nanos()),
                    l.reports() == 0 ? "none" : "<span class=\"bad\">" + l.reports() + "× up to "
                            + FigureFormat.millis(l.maxLagNanos()) + "</span>");
        }
        h.append(d.html()).append("<p class=\"hint\">Durations in ms. Errors are 5xx, resets, timeouts and "
                + "wrong-backend answers. Churn lag: how late writes left against the schedule.</p></section>\n");
    }
}
