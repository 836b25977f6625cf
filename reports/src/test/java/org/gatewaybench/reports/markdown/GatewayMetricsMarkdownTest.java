package org.gatewaybench.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gatewaybench.reports.GatewayMetricJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class GatewayMetricsMarkdownTest {

    @Test
    void oneRowPerScrapedSeriesWithItsChangeOverTheRun() throws IOException {
        String md = MarkdownWriter.render(RunAnalysis.of(GatewayMetricJournals.run().history()));

        int start = md.indexOf("## Gateway metrics");
        String section = md.substring(start, md.indexOf("\n## ", start));
        List<String> rows = section.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(1 + 3 + 3); // header, 3 series of ingress-nginx, 3 of envoy-gateway
        assertThat(rows).contains("| ingress-nginx | `nginx_ingress_controller_success{controller_class=\"k8s.io/"
                + "ingress-nginx\",controller_pod=\"c-1\"}` | counter | 6 | 4 | 2 | +4 | 1 | 6 | 1 |");
        assertThat(rows).contains("| envoy-gateway | `apisix_ingress_status_update_queue_length` | gauge | 2 | 12 "
                + "| 3.5 | -8.5 | 3.5 | 12 | – |");
        assertThat(rows).allSatisfy(r -> assertThat(r.split("(?<!\\\\)\\|")).hasSize(11));
    }

    @Test
    void labelsCannotBreakTheTableAndARunWithoutMetricsHasNoSection() throws IOException {
        Journals j = new Journals().runStarted("gw").gatewayStarted("gw", 0);
        GatewayMetricJournals.metric(j, "gw", 1000, "x_total", Map.of("path", "/a|b`c\nd"), 1);
        String md = MarkdownWriter.render(RunAnalysis.of(j.runEnded(2000).history()));
        assertThat(md).contains("| gw | `x_total{path=\"/a\\|b'c d\"}` | counter | 1 | 1 | 1 | 0 | 1 | 1 | 0 |");

        Journals none = new Journals().runStarted("gw").gatewayStarted("gw", 0).runEnded(100);
        assertThat(MarkdownWriter.render(RunAnalysis.of(none.history()))).doesNotContain("Gateway metrics");
    }
}
