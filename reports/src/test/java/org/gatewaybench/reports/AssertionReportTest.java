package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.assertion.Assertion;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions a run judged show in every report, with the measured value beside each bound. */
public class AssertionReportTest {

    @TempDir
    Path dir;

    /** The sample run with activation.p99 &lt;= 50ms and never-activated == 0 judged for both gateways. */
    public static History judged(int routes) throws IOException {
        History sample = SampleHistories.twoGateways(routes);
        RunAnalysis analysis = RunAnalysis.of(sample);
        List<Event> events = new ArrayList<>(sample.events());
        Events.RunEnded ended = (Events.RunEnded) events.remove(events.size() - 1);
        for (String gateway : analysis.gateways()) {
            for (Assertion a : List.of(Assertion.of("activation.p99", "<= 50ms", List.of()),
                    Assertion.of("never-activated", "== 0", List.of()))) {
                AssertionResult r = a.evaluate(analysis, gateway);
                events.add(new Events.AssertionEvaluated(new Stamp(ended.at().mono() - 1, ended.at().wall()), gateway,
                        r.figure(), r.bound(), r.measured(), r.unit(), r.passed(), r.detail()));
            }
        }
        events.add(ended);
        return History.of(events);
    }

    @Test
    void everyReportShowsEachVerdictWithTheMeasuredValue() throws IOException {
        History history = judged(400);
        Reports.render(history, dir);
        RunAnalysis analysis = RunAnalysis.of(history);
        long nginxP99 = analysis.activation().get("lab-nginx-reload").overall().activation().p99Nanos();

        JsonNode assertions = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("assertions");
        assertThat(assertions).hasSize(4);
        JsonNode first = assertions.get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("gateway", "figure", "bound", "measured", "unit", "passed", "detail");
        assertThat(first.get("gateway").asText()).isEqualTo("lab-nginx-reload");
        assertThat(first.get("figure").asText()).isEqualTo("activation.p99");
        assertThat(first.get("bound").asText()).isEqualTo("<= 50ms");
        assertThat(first.get("measured").asDouble()).isEqualTo(nginxP99);
        assertThat(first.get("unit").asText()).isEqualTo("ns");
        assertThat(first.get("passed").asBoolean()).isFalse();
        assertThat(assertions.get(1).get("passed").asBoolean()).as("nginx never activates route 333").isFalse();
        assertThat(assertions.get(2).get("gateway").asText()).isEqualTo("lab-haproxy-runtime");
        assertThat(assertions.get(2).get("passed").asBoolean()).isTrue();
        assertThat(assertions.get(3).get("measured").asDouble()).isZero();

        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("## Assertions", "**2 of 4 failed.**")
                .containsPattern("\\| lab-nginx-reload \\| activation\\.p99 \\| &lt;= 50ms \\| [0-9.]+ (s|ms) \\| \\*\\*FAILED\\*\\*")
                .containsPattern("\\| lab-haproxy-runtime \\| never-activated \\| == 0 \\| 0 \\| passed");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Assertions</h2>", "2 of 4 failed", "&lt;= 50ms",
                "<td class=\"text\">activation.p99</td>",
                "<span class=\"badge bad\">failed</span>", "<span class=\"badge ok\">passed</span>");
        assertThat(html.indexOf("<h2>Assertions</h2>")).as("the verdicts lead, before the comparison")
                .isLessThan(html.indexOf("<h2>Comparison</h2>"));
    }

    @Test
    void aRunWithoutAssertionsHasAnEmptyListAndNoSection() throws IOException {
        Reports.render(SampleHistories.twoGateways(50), dir);
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("assertions").isArray()).isTrue();
        assertThat(summary.get("assertions")).isEmpty();
        assertThat(Files.readString(dir.resolve("summary.md"))).doesNotContain("## Assertions");
        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("<h2>Assertions</h2>");
    }
}
