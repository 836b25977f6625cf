package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.junit.jupiter.api.Test;

class ConfidenceSectionTest {

    @Test
    void repeatedGatewaysShowMediansIntervalsAndWhatTheIntervalsCanShow() throws IOException {
        // a: p50 of its repetitions 109, 119, 129 ms; b: 309, 289, 329 ms; never activated b: 1, 2, 3.
        Journals j = new Journals().runStarted("a#1", "b#1", "a#2", "b#2", "a#3", "b#3")
                .activatedRoutes("a#1", 0, 100, 0).activatedRoutes("b#1", 1_000, 300, 1)
                .activatedRoutes("a#2", 2_000, 110, 0).activatedRoutes("b#2", 3_000, 280, 2)
                .activatedRoutes("a#3", 4_000, 120, 0).activatedRoutes("b#3", 5_000, 120, 3);
        RunAnalysis analysis = RunAnalysis.of(j.history());

        String html = HtmlReportWriter.render(analysis);
        String section = html.substring(html.indexOf("<h2>Repetitions and confidence</h2>"));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("Each gateway ran 3 times, interleaved")
                .contains("<th>a (95% interval)</th><th>b (95% interval)</th>");
        assertThat(row(section, "activation p50")).contains("<b>119</b>")
                .contains("no difference this run can show (the intervals overlap)");
        assertThat(row(section, "never activated")).contains("a lower than b by 2 (intervals apart)");

        String md = MarkdownWriter.render(analysis);
        assertThat(md).contains("| activation p50 ms | 119 [")
                .contains("| never activated | 0 [0–0] | 2 [1–3] | a lower than b by 2 (intervals apart) |");
    }

    @Test
    void aRunWithoutRepetitionsSaysItsIntervalsAreOverRoutesOnly() throws IOException {
        Journals j = new Journals().runStarted("a", "b").activatedRoutes("a", 0, 100, 0)
                .activatedRoutes("b", 1_000, 400, 0);
        String html = HtmlReportWriter.render(RunAnalysis.of(j.history()));

        String section = html.substring(html.indexOf("<h2>Repetitions and confidence</h2>"));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("Each gateway ran once")
                .contains("a lower than b by 300 ms (intervals apart)");
        assertThat(row(section, "never activated"))
                .contains("no difference this run can show (an interval needs more than one repetition of a count)");
    }

    /** The table row of {@code figure}. */
    private static String row(String section, String figure) {
        int at = section.indexOf("<td class=\"label\">" + figure + "</td>");
        assertThat(at).as("a row " + figure).isNotNegative();
        return section.substring(at, section.indexOf("</tr>", at));
    }
}
