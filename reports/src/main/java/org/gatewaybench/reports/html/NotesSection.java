package org.gatewaybench.reports.html;

import java.util.List;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.reports.analysis.ReportNote;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** What qualifies the figures, and the journal's own notes. */
record NotesSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        List<ReportNote> notes = a.notes();
        Markup.open(h, null, title(), null);
        if (notes.isEmpty()) {
            h.append("<p>None: the run completed and the harness kept up.</p>");
        } else {
            h.append("<ul class=\"notes\">");
            for (ReportNote n : notes) {
                h.append("<li class=\"").append(n.level() == NoteLevel.INFO ? "info" : "warn").append("\"><b>")
                        .append(n.level().word()).append("</b> ");
                if (n.gateway() != null) {
                    h.append("<i>").append(Html.escape(n.gateway())).append("</i>: ");
                }
                h.append(Html.escape(n.message())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }
}
