package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.junit.jupiter.api.Test;

/** Route write latency and refusal classes, and the diagnostics a failed run collected, through every report. */
class RouteWriteAnalysisTest {

    private static final String GW = "ingress-nginx";

    private static Journals refused(Journals j, long op, double ms, Refusal refusal) {
        return j.invoked(GW, op, "create", ms - 5, ms - 5).append(new Events.OpCompleted(Journals.at(ms), GW, op,
                OpKind.CREATE, RouteKey.parse("t1/r" + op), false, "refused", refusal));
    }

    private static Journals run() {
        Journals j = new Journals().runStarted(GW).gatewayStarted(GW, 0)
                .invoked(GW, 1, "create", 10, 10).completed(GW, 1, "create", 12, true)
                .invoked(GW, 2, "create", 20, 20).completed(GW, 2, "create", 120, true)
                .invoked(GW, 3, "create", 30, 30).completed(GW, 3, "create", 40, true);
        refused(j, 4, 200, Refusal.ADMISSION_DENIED);
        refused(j, 5, 300, Refusal.ADMISSION_UNAVAILABLE);
        refused(j, 6, 400, Refusal.CONTENDED);
        refused(j, 7, 500, null); // written before refusals were classified
        return j.append(new Events.DiagnosticsCollected(Journals.at(600), GW, "route t1/r9 never reached present",
                "diagnostics/01-ingress-nginx", List.of("diagnostics/01-ingress-nginx/events.txt",
                "diagnostics/01-ingress-nginx/logs/gb-ingress-nginx/controller-0/controller.log")));
    }

    @Test
    void latencyIsSentToAcknowledgedAndRefusalsAreCountedByClass() throws IOException {
        GatewayRouteWrites w = RunAnalysis.of(run().history()).routeWrites().get(GW);
        assertThat(w.acknowledged()).isEqualTo(3);
        assertThat(w.latency().count()).isEqualTo(3);
        assertThat(w.latency().p50Nanos()).isBetween(9_990_000L, 10_010_000L);
        assertThat(w.latency().maxNanos()).isBetween(99_900_000L, 100_100_000L);
        assertThat(w.refused()).isEqualTo(Map.of(Refusal.ADMISSION_DENIED, 1L, Refusal.ADMISSION_UNAVAILABLE, 1L,
                Refusal.CONTENDED, 1L, Refusal.OTHER, 1L));
        assertThat(w.refusedByTheGateway()).isEqualTo(2);
        assertThat(w.refusedInAll()).isEqualTo(4);
    }

    @Test
    void theReportsShowTheWritesAndLinkTheDiagnostics() throws IOException {
        RunAnalysis analysis = RunAnalysis.of(run().history());
        String html = HtmlReportWriter.render(analysis);
        assertThat(html).contains("<h2>Route writes</h2>")
                .contains("admission-denied 1, admission-unavailable 1, contended 1, other 1")
                .contains("<h2>Diagnostics</h2>")
                .contains("<a href=\"diagnostics/01-ingress-nginx/events.txt\">events.txt</a>")
                .contains("route t1/r9 never reached present");
        String md = MarkdownWriter.render(analysis);
        assertThat(md).contains("| ingress-nginx | 3 | 10 | 100 | 100 | 4 | 2 |")
                .contains("- `diagnostics/01-ingress-nginx` (ingress-nginx): route t1/r9 never reached present (2 files)");
    }

    @Test
    void aRunWithoutDiagnosticsHasNoSuchSection() throws IOException {
        String html = HtmlReportWriter.render(RunAnalysis.of(new Journals().runStarted(GW).gatewayStarted(GW, 0)
                .write(GW, 1, "create", 10).history()));
        assertThat(html).doesNotContain("<h2>Diagnostics</h2>");
    }
}
