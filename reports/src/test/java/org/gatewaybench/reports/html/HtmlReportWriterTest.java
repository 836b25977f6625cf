package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String EVIL = "<script>alert('gw')</script>";

    private static String render() throws IOException {
        Journals j = new Journals().runStarted("nginx", EVIL).gatewayStarted("nginx", 0)
                .phaseStarted("nginx", 0, "ramp", "ramp", 0)
                .write("nginx", 1, "create", 10).polls("nginx", 1, 20, 10, "ok", "ok", "ok")
                .phaseEnded("nginx", 0, "ramp", 100)
                .apply("nginx", 1, "reload", 1, 1, 12, 18, true)
                .gatewayStarted(EVIL, 200)
                .phaseStarted(EVIL, 0, "<b>phase</b>", "ramp", 200)
                .append(new Events.OpInvoked(Journals.at(210), EVIL, 2, OpKind.CREATE, new RouteKey("t1", "r2"),
                        "\"><img src=x onerror=alert(1)>", "/<svg onload=alert(2)>", "b", Journals.nanos(210)))
                .completed(EVIL, 2, "create", 211, true)
                .poll(EVIL, 2, "present", "error", 220, 0, 0, "reset <i>")
                .gaveUp(EVIL, 2, "present", 5000)
                .apply(EVIL, 1, "<u>reload</u>", 1, 1, 230, 260, false)
                .append(new Events.Note(Journals.at(300), NoteLevel.WARNING, EVIL, "</li><a href=\"javascript:alert(3)\">x</a>"));
        return HtmlReportWriter.render(RunAnalysis.of(j.history()));
    }

    @Test
    void everyChartIsAnInlineSvg() throws IOException {
        String html = render();
        // CDF, latency over time per gateway (2), apply durations
        assertThat(count(html, "<svg ")).isEqualTo(4);
        assertThat(html).contains("Activation latency CDF per gateway")
                .contains("activation latency (ms, log scale)")
                .contains("seconds since the gateway started")
                .contains("routes in the applied config")
                .contains("<polyline class=\"cdf\"");
    }

    @Test
    void thePageLoadsNothingFromElsewhere() throws IOException {
        String html = render();
        Matcher m = Pattern.compile("https?://[^\"'\\s<]*").matcher(html);
        while (m.find()) {
            assertThat(m.group()).as("only the SVG namespace may be named").isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"")
                .doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void journalTextIsEscaped() throws IOException {
        String html = render();
        assertThat(html).doesNotContain(EVIL).doesNotContain("<img").doesNotContain("<svg onload")
                .doesNotContain("<b>phase").doesNotContain("<u>reload").doesNotContain("<a href")
                .doesNotContain("reset <i>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;gw&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;b&gt;phase&lt;/b&gt;");
    }

    @Test
    void findingsAreShown() throws IOException {
        String html = render();
        assertThat(html).contains("never activated").contains("reset").contains("interrupted")
                .contains("probe gave up (1)");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
