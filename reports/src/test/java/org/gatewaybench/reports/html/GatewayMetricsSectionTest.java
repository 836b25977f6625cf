package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.reports.GatewayMetricJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class GatewayMetricsSectionTest {

    private static final String EVIL = "<script>alert('m')</script>";

    private static String render(Journals j) throws IOException {
        return HtmlReportWriter.render(RunAnalysis.of(j.history()));
    }

    private static String section(String html) {
        int start = html.indexOf("<section id=\"gateway-metrics\">");
        assertThat(start).as("the gateway-metrics section").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String rowOf(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("a row with " + marker).isNotNegative();
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    }

    @Test
    void aRunWithoutGatewayMetricsHasNoSection() throws IOException {
        Journals j = new Journals().runStarted("nginx").gatewayStarted("nginx", 0)
                .write("nginx", 1, "create", 10).apply("nginx", 1, "reload", 1, 1, 12, 18, true).runEnded(100);
        assertThat(render(j)).doesNotContain("gateway-metrics").doesNotContain("Gateway metrics");
    }

    @Test
    void theTableGivesFirstLastChangeMinMaxAndResetsPerSeries() throws IOException {
        String s = section(render(GatewayMetricJournals.run()));
        // 4 4 5 6 1 2: first 4, last 2, increase +4, min 1, max 6, one reset.
        assertThat(rowOf(s, ">nginx_ingress_controller_success<small>"))
                .contains("<small>{controller_class=&quot;k8s.io/ingress-nginx&quot;,controller_pod=&quot;c-1&quot;}")
                .containsSubsequence(">counter<", ">6<", ">1.0–6.0<", ">4<", ">2<", "<b>+4</b>", ">1<", ">6<",
                        "class=\"bad\">1<");
        assertThat(rowOf(s, ">apisix_ingress_status_update_queue_length<small>")).containsSubsequence(">gauge<", ">2<",
                ">12<", ">3.5<", ">-8.5<", ">3.5<", ">12<", ">–<");
        assertThat(rowOf(s, ">envoy_cluster_manager_cds_update_rejected<small>"))
                .contains("{envoy_cluster_name=&quot;x&quot;}").contains(">0<");
        assertThat(s).as("a gateway without metrics is not listed").doesNotContain("lab-haproxy-runtime</td>");
    }

    @Test
    void eachScrapedGatewayGetsStepChartsOfTheSeriesThatChanged() throws IOException {
        String s = section(render(GatewayMetricJournals.run()));
        // nginx: success, errors, last_reload_successful; envoy-gateway: snapshots, queue length.
        assertThat(count(s, "<svg ")).isEqualTo(5);
        assertThat(count(s, "<polyline class=\"step\"")).isEqualTo(5);
        assertThat(s).contains("ingress-nginx: the series that changed most")
                .contains("envoy-gateway: the series that changed most")
                .doesNotContain("<title>envoy_cluster_manager_cds_update_rejected");
        int title = s.indexOf("<title>nginx_ingress_controller_success");
        String reloads = s.substring(s.lastIndexOf("<svg", title), s.indexOf("</svg>", title));
        assertThat(reloads).as("the kill's span is shaded").contains("class=\"fault-span\"")
                .as("the reload is a tick").contains("class=\"apply-tick\"");
    }

    @Test
    void seriesNamesAndLabelsAreEscapedAndNothingIsFetched() throws IOException {
        Journals j = new Journals().runStarted(EVIL).gatewayStarted(EVIL, 0);
        GatewayMetricJournals.metric(j, EVIL, 1000, "m<b>x</b>_total", Map.of("path", "\"><img src=x>"), 1);
        GatewayMetricJournals.metric(j, EVIL, 2000, "m<b>x</b>_total", Map.of("path", "\"><img src=x>"), 3);
        String html = render(j.runEnded(3000));
        String s = section(html);

        assertThat(s).doesNotContain(EVIL).doesNotContain("<img").doesNotContain("<b>x")
                .contains("m&lt;b&gt;x&lt;/b&gt;_total").contains("&quot;&gt;&lt;img src=x&gt;")
                .contains("&lt;script&gt;alert(&#39;m&#39;)&lt;/script&gt;");
        Matcher m = Pattern.compile("https?://[^\"'\\s<]*").matcher(html);
        while (m.find()) {
            assertThat(m.group()).as("only the SVG namespace may be named").isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"").doesNotContain("url(");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
