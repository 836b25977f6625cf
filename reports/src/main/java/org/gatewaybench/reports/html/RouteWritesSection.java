package org.gatewaybench.reports.html;

import static org.gatewaybench.reports.html.Markup.bad;
import static org.gatewaybench.reports.html.Markup.n;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.reports.analysis.GatewayRouteWrites;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * How the route API took each gateway's writes: sent to acknowledged, and the refusals by class,
 * with those the gateway caused (its admission webhook) apart from the API's and the harness's.
 */
record RouteWritesSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Map<String, GatewayRouteWrites> writes = a.routeWrites();
        Markup.open(h, null, title(), "Each route write from sent to acknowledged by the route API: in a cluster the "
                + "API server and every admission webhook on the way (ingress-nginx's renders the whole configuration "
                + "for each write). Refusals by class; <i>by the gateway</i> are its webhook's denials and failures, "
                + "a finding about the gateway, not the harness.");
        Table t = new Table("gateway", "acknowledged", "p50 ms", "p99 ms", "max ms", "refused", "by the gateway",
                "refusals by class");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayRouteWrites w = writes.get(gateways.get(g));
            t.row(Markup.gatewayCell(g, gateways.get(g)), n(w.acknowledged()), Markup.ms(w.latency(),
                    w.latency().p50Nanos()), Markup.ms(w.latency(), w.latency().p99Nanos()),
                    Markup.ms(w.latency(), w.latency().maxNanos()), bad(w.refusedInAll()), bad(w.refusedByTheGateway()),
                    Html.escape(classes(w.refused())));
        }
        h.append(t.html()).append("</section>\n");
    }

    /** {@code admission-denied 3, contended 1} in the classes' order; a dash when none. */
    static String classes(Map<Refusal, Long> refused) {
        return refused.isEmpty() ? "–" : refused.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().word() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
