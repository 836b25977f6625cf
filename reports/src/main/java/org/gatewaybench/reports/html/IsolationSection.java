package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.CheckOutcome;
import org.gatewaybench.reports.analysis.GatewayIsolation;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * Tenant isolation: a matrix of gateway x check coloured by verdict, each cell linking to its
 * evidence (the reason, the figures, the control endpoints tried, the requests sampled with the
 * backend that answered and their timings), and per gateway the blast radius of config-poisoning
 * and the noisy neighbour's slowdown. Shown only when the run had isolation checks.
 */
record IsolationSection(String title) implements Section {

    static final String CSS = """
            #isolation th{white-space:normal;text-align:center;vertical-align:bottom;overflow-wrap:anywhere}
            a.v{display:block;text-align:center;padding:4px 8px;border-radius:4px;font-weight:600;color:#fff;text-decoration:none}
            .v-held{background:#1e7b34}.v-refused{background:#2f6fb0}.v-violated{background:#b3261e}
            .v-degraded{background:#d9822b}.v-not-applicable{background:#9aa3ad}.v-inconclusive{background:#6b4fa0}
            span.v{padding:1px 7px;border-radius:4px;color:#fff;font-weight:600}
            details.evidence{border-top:1px solid var(--line);padding:6px 0}
            details.evidence>summary{cursor:pointer;display:flex;gap:8px;align-items:baseline}
            details.evidence p{margin:6px 0}
            .why{color:var(--muted);white-space:normal}
            """;

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Map<String, GatewayIsolation> isolation = a.isolation();
        List<String> gateways = a.gateways();
        Set<IsolationCheck> checks = EnumSet.noneOf(IsolationCheck.class);
        isolation.values().forEach(g -> g.checks().forEach(c -> checks.add(c.check())));
        if (checks.isEmpty()) {
            return;
        }
        Markup.open(h, "isolation", title(), "Tenant B tries to take, break, read or slow down tenant A's traffic; "
                + "every check is judged through the data plane from the journal. <b>held</b>: A unaffected; "
                + "<b>refused</b>: B's write rejected and A unaffected; <b>violated</b>: A's traffic or data reached "
                + "or changed by B; <b>degraded</b>: A slowed beyond the scenario's bound; <b>not-applicable</b>: the "
                + "gateway has no such feature; <b>inconclusive</b>: the check's own setup failed. Each cell links "
                + "to its evidence.");
        h.append(matrix(gateways, isolation, checks));
        for (int g = 0; g < gateways.size(); g++) {
            GatewayIsolation gi = isolation.get(gateways.get(g));
            if (gi.ran()) {
                charts(h, g, gateways.get(g), gi);
            }
        }
        h.append("<h3>Evidence</h3>");
        for (int g = 0; g < gateways.size(); g++) {
            GatewayIsolation gi = isolation.get(gateways.get(g));
            if (!gi.settings().isEmpty()) {
                h.append("<p class=\"hint\">").append(Markup.swatch(g)).append("<b>")
                        .append(Html.escape(gateways.get(g))).append("</b> settings: ")
                        .append(Html.escape(String.join(", ", new TreeMap<>(gi.settings()).entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).toList()))).append("</p>");
            }
            for (CheckOutcome c : gi.checks()) {
                evidence(h, g, gateways.get(g), c);
            }
        }
        h.append("</section>\n");
    }

    /** The anchor of one cell's evidence. */
    static String anchor(int g, IsolationCheck check) {
        return "iso-" + g + "-" + check.word();
    }

    private static String matrix(List<String> gateways, Map<String, GatewayIsolation> isolation,
                                 Set<IsolationCheck> checks) {
        List<String> heads = new ArrayList<>(List.of("gateway"));
        checks.forEach(c -> heads.add(c.word()));
        Table t = new Table(heads.toArray(String[]::new));
        for (int g = 0; g < gateways.size(); g++) {
            GatewayIsolation gi = isolation.get(gateways.get(g));
            List<String> cells = new ArrayList<>(List.of(Markup.gatewayCell(g, gateways.get(g))));
            for (IsolationCheck check : checks) {
                int gateway = g;
                cells.add(gi.of(check).map(c -> "<a class=\"v v-" + c.verdict().word() + "\" href=\"#"
                        + anchor(gateway, check) + "\" title=\"" + Html.escape(c.reason()) + "\">"
                        + c.verdict().word() + "</a>").orElse("–"));
            }
            t.row(cells.toArray(String[]::new));
        }
        return t.html();
    }

    private static void charts(StringBuilder h, int g, String gateway, GatewayIsolation gi) {
        gi.of(IsolationCheck.CONFIG_POISONING).filter(c -> !c.timings().isEmpty()).ifPresent(c ->
                Markup.gatewayFigure(h, g, gateway + ": blast radius of B's unloadable route (" + c.verdict() + ")",
                        IsolationCharts.quietActivation(c, "Blast radius: " + gateway,
                                "B's unloadable route exists", c.setting(IsolationJudge.STALL_MILLIS),
                                "stalled beyond " + FigureFormat.significant(c.setting(IsolationJudge.STALL_MILLIS))
                                        + " ms")));
        gi.of(IsolationCheck.NOISY_NEIGHBOUR).filter(c -> !c.timings().isEmpty()).ifPresent(c -> {
            double bound = IsolationCharts.noisyBoundMs(c);
            Markup.gatewayFigure(h, g, gateway + ": quiet tenants during B's route storm (" + c.verdict() + ")",
                    IsolationCharts.quietActivation(c, "Noisy neighbour: " + gateway, "B's storm", bound,
                            "degraded above " + FigureFormat.significant(bound) + " ms (p99)"));
        });
    }

    private static void evidence(StringBuilder h, int g, String gateway, CheckOutcome c) {
        h.append("<details class=\"evidence\" id=\"").append(anchor(g, c.check())).append("\"><summary>")
                .append(Markup.swatch(g)).append("<b>").append(Html.escape(gateway)).append("</b> ")
                .append(Html.escape(c.check().word())).append(" <span class=\"v v-").append(c.verdict().word())
                .append("\">").append(c.verdict().word()).append("</span><span class=\"why\">")
                .append(Html.escape(c.check().summary())).append("</span></summary>");
        h.append("<p>").append(Html.escape(c.reason())).append("</p>");
        if (c.disagrees()) {
            h.append("<p class=\"bad\">The probe journaled ").append(c.journaled().word())
                    .append("; judged again from the journal it is ").append(c.verdict().word()).append(".</p>");
        }
        String how = c.settings().get("how");
        h.append("<p class=\"hint\">").append(c.writes()).append(" writes, ").append(c.requests())
                .append(" requests in ").append(FigureFormat.seconds(c.durationSeconds())).append(" s")
                .append(how == null || c.verdict() == Verdict.NOT_APPLICABLE ? "" : "; how: " + Html.escape(how))
                .append("</p>");
        if (!c.figures().isEmpty()) {
            Table f = new Table("figure", "value").compact();
            new TreeMap<>(c.figures()).forEach((k, v) -> f.row(Html.escape(k), FigureFormat.significant(v)));
            h.append(f.html());
        }
        if (!c.endpoints().isEmpty()) {
            Table e = new Table("endpoint", "kind", "address", "read", "from tenant", "reached", "answer");
            for (Events.ControlEndpointTried t : c.endpoints()) {
                e.row(Html.escape(t.endpoint()), Html.escape(t.kind().word()), Html.escape(t.address()),
                        Html.escape(t.read()), Html.escape(t.fromTenant()),
                        t.reached() ? "<span class=\"bad\">yes</span>" : "no", Html.escape(t.answer()));
            }
            h.append(e.html());
        }
        if (!c.samples().isEmpty()) {
            Table s = new Table("sent s", "stage", "host", "path", "status", "backend", "whose", "canary / failure",
                    "ms");
            for (CheckOutcome.Sample r : c.samples()) {
                boolean b = "B".equals(r.answeredBy()) || r.canary() != null;
                s.row(String.format(Locale.ROOT, "%.3f", r.seconds()), r.stage().word(), Html.escape(r.host()),
                        Html.escape(r.path()), r.status() == 0 ? "–" : String.valueOf(r.status()),
                        Html.escape(Markup.orUnknown(r.backend()).replace("unknown", "–")),
                        r.answeredBy() == null ? "–" : b ? "<span class=\"bad\">" + r.answeredBy() + "</span>"
                                : r.answeredBy(),
                        Html.escape(r.canary() != null ? r.canary() : r.failure() != null ? r.failure() : "–"),
                        FigureFormat.significant(r.millis()));
            }
            h.append("<p class=\"hint\">").append(c.samples().size()).append(" of ").append(c.requests())
                    .append(" requests: every one answered by B's backend or carrying a canary (up to a cap), "
                            + "then evenly spread others; seconds since the check started.</p>").append(s.html());
        }
        h.append("</details>");
    }
}
