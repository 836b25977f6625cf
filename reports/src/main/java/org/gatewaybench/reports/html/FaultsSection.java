package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.n;
import static org.gatewaybench.reports.html.Markup.seconds;
import static org.gatewaybench.reports.html.Markup.significant;

import java.util.List;
import java.util.Map;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayFaults;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** Each injected fault, the errors around it and the recovery from it. Shown only when the run had faults. */
record FaultsSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Map<String, GatewayFaults> faults = a.faults();
        List<String> gateways = a.gateways();
        Table recoveries = recoveries(gateways, faults);
        if (recoveries.isEmpty()) {
            return; // no fault was injected
        }
        Markup.open(h, null, title(), "Each injected fault from its start to its heal (shaded), with the errors around "
                + "it: failed traffic requests, error answers to the activation probe, long-connection drops, and the "
                + "activation latency of every write. Recovery is timed from the heal: until traffic errors stopped "
                + "(resolution: one 1 s traffic window), until the first write pending at the heal was activated, "
                + "until the last drop.");
        h.append(recoveries.html());
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            GatewayFaults f = faults.get(gateway);
            if (f.faults().isEmpty()) {
                continue;
            }
            Markup.gatewayFigure(h, g, gateway,
                    ChaosCharts.faultTimeline(f, a.traffic().get(gateway), a.activation().get(gateway)));
            h.append("<ul class=\"notes\">");
            for (FaultRecovery r : f.faults()) {
                h.append("<li><b>#").append(r.fault()).append(' ').append(Html.escape(r.describe())).append("</b>: ")
                        .append(Html.escape(Markup.orUnknown(r.detail()))).append("; heal: ")
                        .append(Html.escape(r.healDetail() == null ? "none in the journal" : r.healDetail()))
                        .append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    /** One row per fault: its span, outage and recovery, the errors before, during and after it. */
    private static Table recoveries(List<String> gateways, Map<String, GatewayFaults> faults) {
        Table t = new Table("gateway", "fault", "start s", "heal s", "outage s", "traffic recovered after s",
                "routes activate again after s", "drops stop after s", "traffic errors before / during / after",
                "error polls before / during / after", "drops during / after", "activation p50 before ms",
                "p50 during ms", "max during ms", "writes during");
        for (int g = 0; g < gateways.size(); g++) {
            for (FaultRecovery f : faults.get(gateways.get(g)).faults()) {
                t.row(Markup.gatewayCell(g, gateways.get(g)), "#" + f.fault() + " " + Html.escape(f.describe())
                                + (f.healed() && !f.healOk() ? " <span class=\"bad\">heal failed</span>" : ""),
                        FigureFormat.seconds(f.startSeconds()), f.healed() ? FigureFormat.seconds(f.healSeconds())
                                : "<span class=\"bad\">never</span>", FigureFormat.seconds(f.outageSeconds()),
                        seconds(f.trafficRecoverySeconds()), seconds(f.activationRecoverySeconds()),
                        seconds(f.dropsStopSeconds()),
                        f.trafficErrorsBefore() + " / " + bad(f.trafficErrorsDuring()) + " / " + bad(f.trafficErrorsAfter()),
                        f.errorPollsBefore() + " / " + bad(f.errorPollsDuring()) + " / " + bad(f.errorPollsAfter()),
                        bad(f.dropsDuring()) + " / " + bad(f.dropsAfter()), significant(f.baselineActivationP50Ms()),
                        significant(f.duringActivationP50Ms()), significant(f.duringActivationMaxMs()),
                        n(f.writesDuring()));
            }
        }
        return t;
    }
}
