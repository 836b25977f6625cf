package org.gatewaybench.reports.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.Reports;
import org.gatewaybench.reports.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A rendered run folder: gateway a activates its routes about {@code aMs} after the ack, b about {@code bMs}. */
    private Path run(String name, double aMs, double bMs, int phases) throws IOException {
        Journals j = new Journals().runStarted("a", "b");
        for (int p = 0; p < phases; p++) {
            j.phaseStarted("a", p, "ramp-" + p, "ramp", 0).phaseStarted("b", p, "ramp-" + p, "ramp", 1_000);
        }
        j.activatedRoutes("a", 0, aMs, 0).activatedRoutes("b", 1_000, bMs, 1).runEnded(3_000);
        Path runDir = Files.createDirectories(dir.resolve(name));
        Reports.render(j.history(), runDir);
        return runDir;
    }

    /** Adds assertion results to a run's summary.json, as a harness with assertions writes them. */
    private static void assertions(Path run, String... gatewayMeasuredPassed) throws IOException {
        Path file = run.resolve("summary.json");
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode array = summary.putArray("assertions");
        for (int i = 0; i < gatewayMeasuredPassed.length; i += 3) {
            array.addObject().put("gateway", gatewayMeasuredPassed[i]).put("figure", "activation.p99")
                    .put("bound", "<= 200ms").put("measured", Double.parseDouble(gatewayMeasuredPassed[i + 1]))
                    .put("unit", "ns").put("passed", Boolean.parseBoolean(gatewayMeasuredPassed[i + 2]))
                    .putNull("detail");
        }
        JSON.writeValue(file.toFile(), summary);
    }

    @Test
    void twoRunsMakeOnePageThatLeadsWithTheAnswerAndStudyJson() throws IOException, StudyException {
        Path one = run("one", 100, 300, 1);
        Path two = run("two", 110, 320, 1);
        List<StudyRun> runs = List.of(StudyRun.read(one), StudyRun.read(two));
        assertThat(Study.difference(runs)).isEmpty();

        Study study = Study.of("Gateway selection", runs);
        assertThat(study.gateways()).extracting(g -> g.gateway()).containsExactly("a", "b");
        assertThat(study.gateways().get(0).repetitions()).containsExactly("run-1/a", "run-1/a");
        assertThat(study.answer()).extracting(Target::gateway, Target::met).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", true), org.assertj.core.groups.Tuple.tuple("b", true));
        assertThat(study.answer().get(0).margin()).endsWith("ms under the bound");

        Path out = dir.resolve("study");
        Studies.Written written = Studies.write(study, out);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("study.html", "summary.md", "study.json");
        String html = Files.readString(out.resolve("study.html"));
        assertThat(html.indexOf("<h2>The answer</h2>")).as("the answer comes first").isPositive()
                .isLessThan(html.indexOf("<h2>Activation latency distribution</h2>"));
        assertThat(html).contains("activation p99 &lt;= 5s").contains("<svg").contains("<h2>Each run</h2>")
                .doesNotContain("<h2>Trend</h2>");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| a | activation p99 &lt;= 5s | yes | 2 of 2 |")
                .contains("a lower than b by");
        JsonNode json = JSON.readTree(out.resolve("study.json").toFile());
        assertThat(json.path("runs")).hasSize(2);
        assertThat(json.path("gateways").get(1).path("gateway").asText()).isEqualTo("b");
        assertThat(json.path("answer").get(0).path("met").asBoolean()).isTrue();
        assertThat(written.allureFiles()).isZero();
    }

    @Test
    void runsOfDifferentScenariosOrRouteCountsAreNamedWithTheirDifference() throws IOException, StudyException {
        Path one = run("one", 100, 300, 1);
        Path more = run("more", 100, 300, 2);
        assertThat(Study.difference(List.of(StudyRun.read(one), StudyRun.read(more)))).hasValueSatisfying(d ->
                assertThat(d).contains("different route counts").contains(one + " planned 100 route writes per gateway")
                        .contains(more + " planned 200"));

        Path other = run("other", 100, 300, 1);
        Path summary = other.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"scenario\" : \"quick\"",
                "\"scenario\" : \"nightly\""));
        assertThat(Study.difference(List.of(StudyRun.read(one), StudyRun.read(other)))).hasValue(
                "the runs are of different scenarios: " + one + " ran 'quick', " + other + " ran 'nightly'");
    }

    @Test
    void aFolderWithoutSummaryIsNamed() {
        assertThatThrownBy(() -> StudyRun.read(dir.resolve("nothing"))).isInstanceOf(StudyException.class)
                .hasMessageContaining(dir.resolve("nothing") + ": no summary.json");
    }

    @Test
    void assertionResultsOfTheRunsAnswerAndFillTheMatrix() throws IOException, StudyException {
        Path one = run("one", 100, 300, 1);
        Path two = run("two", 110, 320, 1);
        assertions(one, "a", "1.3e8", "true", "b", "3.2e8", "false");
        assertions(two, "a", "1.5e8", "true", "b", "1.9e8", "true");

        Study study = Study.of("t", List.of(StudyRun.read(one), StudyRun.read(two)));
        assertThat(study.answeredByAssertions()).isTrue();
        Target b = study.answer().stream().filter(t -> t.gateway().equals("b")).findFirst().orElseThrow();
        assertThat(b).isEqualTo(new Target("b", "activation.p99 <= 200ms", false, 1, 2, "320 ms",
                "120 ms over the bound"));
        Path out = dir.resolve("s");
        Studies.write(study, out);
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("| b | activation.p99 &lt;= 200ms | **fail** 320 ms | pass 190 ms |");
        assertThat(Files.readString(out.resolve("study.html"))).contains("<h2>Assertions, run by run</h2>")
                .contains("<b class=\"bad\">fail</b> 320 ms");
    }

    @Test
    void runsOnDifferentDaysShowATrend() throws IOException, StudyException {
        Path one = run("one", 100, 300, 1);
        Path two = run("two", 200, 300, 1);
        Path summary = two.resolve("summary.json");
        ObjectNode json = (ObjectNode) JSON.readTree(summary.toFile());
        json.put("startedAt", java.time.Instant.parse(json.path("startedAt").asText()).plusSeconds(3 * 86_400)
                .toString());
        JSON.writeValue(summary.toFile(), json);

        Study study = Study.of("t", List.of(StudyRun.read(one), StudyRun.read(two)));
        assertThat(study.spansDays()).isTrue();
        String html = org.gatewaybench.reports.html.StudyPage.render(study);
        String trend = html.substring(html.indexOf("<h2>Trend</h2>"));
        assertThat(trend).contains("activation p99 per run").contains("days since");
    }

    @Test
    void theRunsAllureResultsAreMergedIntoTheStudy() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one/allure-results"));
        Path two = Files.createDirectories(dir.resolve("two/allure-results"));
        Files.writeString(one.resolve("11-result.json"), "{}");
        Files.writeString(one.resolve("environment.properties"), "harness=0.1\njava=17\n");
        Files.writeString(one.resolve("categories.json"), "[1]");
        Files.writeString(two.resolve("22-result.json"), "{}");
        Files.writeString(two.resolve("22-attachment.txt"), "x");
        Files.writeString(two.resolve("environment.properties"), "java=21\nchart=1.2\n");
        Files.writeString(two.resolve("categories.json"), "[2]");

        Path out = dir.resolve("study");
        assertThat(AllureMerge.merge(List.of(dir.resolve("one"), dir.resolve("two"), dir.resolve("none")), out))
                .isEqualTo(5);
        Path merged = out.resolve("allure-results");
        assertThat(merged.resolve("11-result.json")).exists();
        assertThat(merged.resolve("22-attachment.txt")).hasContent("x");
        assertThat(merged.resolve("categories.json")).hasContent("[1]");
        assertThat(Files.readString(merged.resolve("environment.properties"))).contains("java=17")
                .contains("chart=1.2").contains("harness=0.1").doesNotContain("java=21");
    }
}
