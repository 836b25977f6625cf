package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.LongConnectionJournals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class LongConnectionSectionTest {

    private static final String EVIL = "<script>alert('lc')</script>";

    private static String render(Journals j) throws IOException {
        return HtmlReportWriter.render(RunAnalysis.of(j.history()));
    }

    private static String section(String html) {
        int start = html.indexOf("<section id=\"long-connections\">");
        assertThat(start).as("the long-connection section").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void aRunWithoutConnectionEventsHasNoSection() throws IOException {
        Journals j = new Journals().runStarted("nginx").gatewayStarted("nginx", 0)
                .write("nginx", 1, "create", 10).apply("nginx", 1, "reload", 1, 1, 12, 18, true).runEnded(100);
        String html = render(j);
        assertThat(html).doesNotContain("long-connections").doesNotContain("Long connections");
    }

    @Test
    void totalsPerGatewayGiveDropsPerRouteChangeAndPerConfigApply() throws IOException {
        String s = section(render(LongConnectionJournals.run()));
        // nginx: 3 drops, 4 route changes, 2 reloads, 1 failed reconnect; haproxy: none of 2 changes, 1 apply.
        assertThat(rowOf(s, "nginx</td>")).containsSubsequence(">3<", ">3<", ">4<", ">750<", ">2<", ">1.5<", ">1<",
                ">0<");
        assertThat(rowOf(s, "haproxy</td>")).containsSubsequence(">1<", ">0<", ">2<", ">0<", ">1<", ">0<", ">0<",
                ">0<");
        assertThat(s).as("a gateway without long connections is not listed").doesNotContain(">plain<");
        assertThat(s).contains("closed 1, reset 1").contains("closed 1");
    }

    @Test
    void chartsShowKindsDelaysTimelineAndPopulationPerGateway() throws IOException {
        String s = section(render(LongConnectionJournals.run()));
        // drops per kind, delay histogram, then a timeline and a population chart per gateway (2)
        assertThat(count(s, "<svg ")).isEqualTo(6);
        assertThat(s).contains("Long-connection drops per kind and gateway")
                .contains("nginx (n=3)").contains("5 s–10 s")
                .contains("Long-connection drops over time: nginx")
                .contains("Long connections held over time: haproxy")
                .contains("config applies (2, reload)").contains("config applies (1, runtime-api)")
                .contains("websocket (target 2, lowest sample 1)");
        assertThat(count(s, "class=\"dot drop\"")).isEqualTo(3);
        assertThat(s).contains("websocket connection 1 closed at 6.0 s; config apply 1 5100 ms before retired it");
        assertThat(count(s, "class=\"apply-tick\"")).as("2 reloads on 2 charts, 1 update on 2").isEqualTo(6);
        assertThat(count(s, "class=\"apply-line\"")).isEqualTo(6);
    }

    @Test
    void aRuntimeApiApplyingEveryWriteGetsTicksButNoLinesThroughTheCharts() throws IOException {
        Journals j = new Journals().runStarted("haproxy").gatewayStarted("haproxy", 0);
        LongConnectionJournals.opened(j, "haproxy", "websocket", 1, 10);
        for (int i = 1; i <= 600; i++) {
            j.apply("haproxy", i, "runtime-api", i, 1, 10 + i * 10, 10.5 + i * 10, true);
        }
        LongConnectionJournals.population(j, "haproxy", "websocket", 1, 1, 6100);
        String s = section(render(j));
        assertThat(s).contains("config applies (600, runtime-api)").doesNotContain("class=\"apply-line\"");
        // one tick per pixel column at most, on each of the two charts
        assertThat(count(s, "class=\"apply-tick\"")).isBetween(2, 2 * Charts.WIDTH);
    }

    @Test
    void journalTextIsEscapedAndNothingIsFetched() throws IOException {
        Journals j = new Journals().runStarted(EVIL).gatewayStarted(EVIL, 0);
        // Kinds and causes are words of a closed vocabulary now; the gateway name is free text.
        LongConnectionJournals.opened(j, EVIL, "websocket", 1, 10);
        LongConnectionJournals.drop(j, EVIL, "websocket", 1, "closed", 500, 1, 100);
        LongConnectionJournals.population(j, EVIL, "websocket", 1, 0, 1000);
        String html = render(j);
        String s = section(html);
        assertThat(s).doesNotContain(EVIL).contains("&lt;script&gt;");
        Matcher m = Pattern.compile("https?://[^\"'\\s<]*").matcher(html);
        while (m.find()) {
            assertThat(m.group()).isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("url(");
    }

    private static String rowOf(String html, String labelEnd) {
        int at = html.indexOf(labelEnd);
        assertThat(at).as(labelEnd).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
