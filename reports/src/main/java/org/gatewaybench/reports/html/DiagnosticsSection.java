package org.gatewaybench.reports.html;

import java.util.List;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** The evidence collected when something failed, linked: the place to start reading a failed cluster run. */
record DiagnosticsSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        List<Events.DiagnosticsCollected> collected = a.diagnostics();
        if (collected.isEmpty()) {
            return;
        }
        Markup.open(h, "diagnostics", title(), "Collected when something failed, before the teardown removed it: "
                + "events of the run's namespaces in time order, pod statuses, descriptions of pods that were not "
                + "Ready, container logs (also of the previous container after a restart), node conditions, the "
                + "node's own log and the Helm release. Start with events.txt.");
        for (Events.DiagnosticsCollected d : collected) {
            h.append("<h3>").append(Html.escape(d.folder())).append(d.gateway() == null ? ""
                    : " (" + Html.escape(d.gateway()) + ")").append("</h3><p>").append(Html.escape(d.reason()))
                    .append("</p><ul class=\"files\">");
            for (String file : d.files()) {
                h.append("<li><a href=\"").append(Html.escape(file)).append("\">")
                        .append(Html.escape(file.startsWith(d.folder() + "/") ? file.substring(d.folder().length() + 1)
                                : file)).append("</a></li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }
}
