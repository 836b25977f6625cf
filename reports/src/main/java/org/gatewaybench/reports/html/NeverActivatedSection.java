package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import java.util.Map;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** Per gateway, the error answers by kind and the writes that never reached their state or were refused. */
record NeverActivatedSection(String title) implements Section {

    /** Never-activated writes listed per gateway; the count is always complete. */
    static final int MAX_LISTED = 50;

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Markup.open(h, null, title(), null);
        boolean any = false;
        for (String gateway : a.gateways()) {
            GatewayActivation act = a.activation().get(gateway);
            Map<String, Long> errors = act.overall().errorsByKind();
            List<OpVerdict> gaveUp = act.ops().stream().filter(v -> v.state() == OpVerdict.State.GAVE_UP
                    || v.state() == OpVerdict.State.FAILED).toList();
            if (errors.isEmpty() && gaveUp.isEmpty()) {
                continue;
            }
            any = true;
            h.append("<h3>").append(Html.escape(gateway)).append("</h3>");
            if (!errors.isEmpty()) {
                Table t = new Table("error answer", "polls").compact();
                errors.forEach((kind, count) -> t.row(Html.escape(kind), n(count)));
                h.append(t.html());
            }
            if (!gaveUp.isEmpty()) {
                Table t = new Table("op", "write", "route", "host", "path", "t0 s", "verdict", "error polls");
                for (OpVerdict v : gaveUp.subList(0, Math.min(MAX_LISTED, gaveUp.size()))) {
                    String verdict = v.state() == OpVerdict.State.FAILED ? "write refused: " + Markup.orUnknown(v.error())
                            : v.expectsPresent() ? "never activated" : "never deactivated";
                    t.row(n(v.op()), Html.escape(v.kind().word()), Html.escape(String.valueOf(v.route())),
                            Html.escape(v.host()), Html.escape(v.path()), FigureFormat.seconds(v.ackedSeconds()),
                            "<span class=\"bad\">" + Html.escape(verdict) + "</span>", n(v.errorPolls()));
                }
                h.append(t.html());
                if (gaveUp.size() > MAX_LISTED) {
                    h.append("<p class=\"hint\">First ").append(MAX_LISTED).append(" of ").append(gaveUp.size())
                            .append(" listed.</p>");
                }
            }
        }
        if (!any) {
            h.append("<p>Every acknowledged write reached its expected state; no probe answer was an error.</p>");
        }
        h.append("</section>\n");
    }
}
