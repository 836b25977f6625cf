package org.gatewaybench.reports.html;

import java.util.List;
import org.gatewaybench.reports.analysis.AnalysisFailure;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** The analyses that failed and why: shown only when one did, right under the header. */
record FailedAnalysesSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        List<AnalysisFailure> failures = a.failures();
        if (failures.isEmpty()) {
            return;
        }
        h.append("<section class=\"failed\" id=\"failed-analyses\"><h2>").append(Html.escape(title()))
                .append("</h2><p class=\"lead\">These analyses have no figures; the sections that show them say so. "
                        + "Every other figure of this page was computed as usual.</p><ul class=\"notes\">");
        for (AnalysisFailure f : failures) {
            h.append("<li class=\"warn\"><b>").append(Html.escape(f.analysis().word())).append("</b>: ")
                    .append(Html.escape(f.message()));
            if (f.line() > 0) {
                h.append(" (journal line ").append(f.line()).append(')');
            }
            h.append("</li>");
        }
        h.append("</ul></section>\n");
    }
}
