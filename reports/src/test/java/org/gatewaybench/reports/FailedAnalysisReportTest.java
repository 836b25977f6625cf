package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.analysis.AnalysisFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One analysis that fails does not lose the report: a journal whose activation cannot be judged (a
 * poll journaled long after polls sent later) still renders every other figure, and every report
 * names what failed, why and at which journal line.
 */
class FailedAnalysisReportTest {

    private static final String GW = "nginx";

    @TempDir
    Path runDir;

    /**
     * Activation fails at its last poll, and with it the faults (their recovery needs activation
     * verdicts); config applies, traffic and long connections are fine.
     */
    private static Journals journal() {
        Journals j = LongConnectionJournals.run();
        j.append(new Events.TrafficWindow(Journals.at(2000), GW, Journals.nanos(1000), Journals.nanos(2000), 50, 50, 0,
                Map.of("200", 50L), 0, 1, 3, 5));
        j.append(new Events.FaultStarted(Journals.at(2500), GW, 1, FaultAction.KILL, FaultTarget.DATA_PLANE, "SIGKILL"));
        j.append(new Events.FaultHealed(Journals.at(2600), GW, 1, true, "restarted"));
        j.write(GW, 101, "create", 100).polls(GW, 101, 110, 10, "ok", "ok", "ok")
                .write(GW, 102, "create", 9000).polls(GW, 102, 9010, 10, "ok", "ok", "ok")
                // sent at 115 <b>between</b> the ok answers of write 101, journaled 9 s later
                .poll(GW, 101, "present", "not-yet", 115, 5, 404, "<script>x</script>");
        return j.runEnded(10_000);
    }

    @Test
    void theOtherSectionsRenderAndEveryReportNamesTheFailedAnalysisAndItsLine() throws IOException {
        Journals j = journal();
        long line = j.events().size() - 1; // the late poll, just before run-ended

        Reports.Rendering rendering = Reports.render(j.history(), runDir);

        assertThat(rendering.files()).extracting(p -> p.getFileName().toString())
                .as("no activation histogram without activation figures")
                .containsExactly("summary.json", "summary.md", "report.html", "allure-results");
        assertThat(rendering.failures()).extracting(AnalysisFailure::analysis)
                .containsExactly(Analysis.ACTIVATION, Analysis.FAULTS, Analysis.REPETITIONS);
        assertThat(rendering.failures().get(0).line()).isEqualTo(line);

        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.at("/failedAnalyses/0/analysis").asText()).isEqualTo("activation");
        assertThat(summary.at("/failedAnalyses/0/line").asLong()).isEqualTo(line);
        assertThat(summary.at("/failedAnalyses/0/message").asText()).contains("out of sending order");
        assertThat(summary.at("/failedAnalyses/1/message").asText())
                .isEqualTo("needs the activation analysis, which failed");
        assertThat(summary.at("/gateways/0/activation").isNull()).isTrue();
        assertThat(summary.at("/repetitions").isNull()).isTrue();
        assertThat(summary.at("/gateways/0/configApplies/applies").asLong()).isEqualTo(2);
        assertThat(summary.at("/gateways/0/longConnections/drops").asLong()).isEqualTo(3);
        assertThat(summary.at("/gateways/0/traffic").isNull()).as("no Gatling summary journaled").isTrue();
        assertThat(summary.at("/outcome/status").asText()).isEqualTo("completed");

        String md = Files.readString(runDir.resolve("summary.md"));
        assertThat(md).contains("## Analyses that failed")
                .contains("- activation: ").contains("(journal line " + line + ")")
                .contains("## Comparison\n\nNot shown: the activation analysis failed")
                .contains("## Long connections").contains("| nginx | 3 | 6 | 500 |").contains("## Notes");

        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(section(html, "Analyses that failed")).contains("<b>activation</b>")
                .contains("(journal line " + line + ")").contains("needs the activation analysis, which failed");
        assertThat(section(html, "Comparison")).contains("Not shown: the activation analysis failed");
        assertThat(section(html, "Faults and recovery")).contains("Not shown: the faults analysis failed");
        assertThat(section(html, "Config applies")).contains("<svg ").contains("<table>");
        assertThat(section(html, "Long connections")).contains("Long-connection drops per kind and gateway");
        assertThat(section(html, "Traffic to stable routes")).as("without the fault's shading")
                .contains("Traffic latency over time: nginx").doesNotContain("fault-span");
        assertThat(section(html, "Notes")).contains("None: the run completed");
        assertThat(html).contains("<header>").endsWith("</html>\n").doesNotContain("<script>x");
    }

    /** The section whose heading is {@code title}, up to its end. */
    private static String section(String html, String title) {
        int heading = html.indexOf("<h2>" + title + "</h2>");
        assertThat(heading).as("a section " + title).isNotNegative();
        return html.substring(html.lastIndexOf("<section", heading), html.indexOf("</section>", heading));
    }
}
