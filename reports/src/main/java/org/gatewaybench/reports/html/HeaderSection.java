package org.gatewaybench.reports.html;

import java.time.Instant;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunEnding;
import org.gatewaybench.reports.analysis.RunFacts;

/** The page's header: the scenario, how the run ended and its facts. */
record HeaderSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        RunFacts f = a.facts();
        RunEnding outcome = a.outcome();
        h.append("<header><div class=\"title\"><h1>").append(Html.escape(Markup.orUnknown(f.scenario())))
                .append("</h1><span class=\"badge ").append(outcome.completed() ? "ok" : "bad").append("\">")
                .append(Html.escape(outcome.status().word())).append("</span></div>");
        if (outcome.reason() != null) {
            h.append("<p class=\"reason\">").append(Html.escape(outcome.reason())).append("</p>");
        }
        h.append("<dl class=\"facts\">");
        fact(h, "run", f.runId());
        fact(h, "fixture", f.fixture());
        fact(h, "host", f.host() == null ? null : f.host() + " (" + f.cores() + " cores)");
        fact(h, "started", f.journalEvents() == 0 ? null : Instant.ofEpochMilli(f.startedWallMillis()).toString());
        fact(h, "duration", FigureFormat.seconds(f.durationSeconds()) + " s");
        fact(h, "gateways", String.join(", ", f.gateways()));
        fact(h, "activation rule", f.requiredSuccesses() + " correct answers in a row");
        fact(h, "journal", f.journalEvents() + " events" + (f.truncatedTail() ? ", cut short" : ""));
        fact(h, "scenario file", f.scenarioFile());
        h.append("</dl></header>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>")
                .append(Html.escape(value == null ? "unknown" : value)).append("</dd></div>");
    }
}
