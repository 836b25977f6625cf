package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import java.util.Map;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.GatewayResources;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** CPU and memory of each gateway's processes: peaks, and per gateway memory and workers over the run. */
record ResourcesSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Map<String, GatewayResources> resources = a.resources();
        if (resources.values().stream().allMatch(r -> r.components().isEmpty())) {
            return;
        }
        Markup.open(h, null, title(), "CPU and resident memory of each gateway component, all its processes together "
                + "(an nginx master, its workers and old workers still draining after reloads). CPU in % of one core.");
        Table t = new Table("gateway", "component", "samples", "peak RSS MiB", "peak CPU %", "peak processes",
                "peak workers", "peak draining workers");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            for (GatewayResources.Component c : resources.get(gateways.get(g)).components().values()) {
                t.row(Markup.gatewayCell(g, gateways.get(g)), Html.escape(c.name()), n(c.samples().size()),
                        FigureFormat.significant(c.peakRssBytes() / 1048576.0),
                        FigureFormat.significant(c.peakCpuPercent()), n(c.peakProcesses()), n(c.peakWorkers()),
                        n(c.peakDrainingWorkers()));
            }
        }
        h.append(t.html());
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            GatewayResources r = resources.get(gateway);
            if (!r.components().isEmpty()) {
                Markup.gatewayFigure(h, g, gateway,
                        ChaosCharts.resources(r, RunAnalysis.orNull(() -> a.faults().get(gateway))));
            }
        }
        h.append("</section>\n");
    }
}
