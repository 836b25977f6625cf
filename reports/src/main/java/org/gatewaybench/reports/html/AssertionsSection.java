package org.gatewaybench.reports.html;

import java.util.List;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.assertion.AssertionResult;

/**
 * The scenario's assertions: one row per gateway and assertion with the bound, the measured value
 * beside it and whether it passed. Shown only when the scenario sets assertions.
 */
record AssertionsSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        List<AssertionResult> results = a.assertions().stream().map(AssertionResult::of).toList();
        if (results.isEmpty()) {
            return;
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        Markup.open(h, "assertions", title(), failed == 0
                ? "Every bound the scenario sets was met, judged at the end of each gateway's run."
                : "<span class=\"bad\">" + failed + " of " + results.size() + " failed</span>: bounds the scenario "
                + "sets, judged at the end of each gateway's run; a figure the run does not have fails.");
        List<String> gateways = a.gateways();
        Table t = new Table("gateway", "figure", "bound", "measured", "result", "detail").text(1, 4, 5);
        for (AssertionResult r : results) {
            int g = gateways.indexOf(r.gateway());
            t.row(g < 0 ? Html.escape(r.gateway()) : Markup.gatewayCell(g, r.gateway()), Html.escape(r.figure()),
                    Html.escape(r.bound()), Html.escape(r.measuredText()),
                    "<span class=\"badge " + (r.passed() ? "ok\">passed" : "bad\">failed") + "</span>",
                    r.detail() == null ? "" : Html.escape(r.detail()));
        }
        h.append(t.html()).append("</section>\n");
    }
}
