package org.gatewaybench.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.GatewayMetricJournals;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonWriterTest {

    @TempDir
    Path dir;

    private static RunAnalysis analysis() throws IOException {
        Journals j = new Journals().runStarted("nginx").gatewayStarted("nginx", 0)
                .phaseStarted("nginx", 0, "ramp", "ramp", 10)
                .write("nginx", 1, "create", 20).polls("nginx", 1, 30, 10, "not-yet", "ok", "ok", "ok")
                .write("nginx", 2, "create", 40).polls("nginx", 2, 50, 10, "ok", "ok", "ok")
                .poll("nginx", 2, "present", "error", 45, 0, 502, null)
                .phaseEnded("nginx", 0, "ramp", 100)
                .apply("nginx", 1, "reload", 2, 2, 25, 35, true);
        return RunAnalysis.of(j.history()); // no RunEnded: interrupted
    }

    @Test
    void eachGatewayCarriesItsIsolationChecksWithVerdictAndEvidenceFigures() throws IOException {
        RunSummary summary = RunSummary.of(RunAnalysis.of(IsolationJournals.run().history()));
        Path file = SummaryJsonWriter.write(summary, dir);

        assertThat(SummaryJsonWriter.read(file)).isEqualTo(summary);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/gateways/0/isolation/0/check").asText()).isEqualTo("same-host-same-path");
        assertThat(json.at("/gateways/0/isolation/0/verdict").asText()).isEqualTo("violated");
        assertThat(json.at("/gateways/0/isolation/0/figures/capturedDuring").asDouble()).isEqualTo(5.0);
        assertThat(json.at("/gateways/0/isolation/1/figures/stalledWrites").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/gateways/1/isolation/0/verdict").asText()).isEqualTo("refused");
        assertThat(json.at("/gateways/1/isolation/2/reason").asText()).startsWith("no admin, xDS or webhook endpoint");
        assertThat(json.at("/gateways/0/isolation/0/requests").asInt()).isEqualTo(16);
        assertThat(RunSummary.of(analysis()).gateways().get(0).isolation()).as("a run without checks").isNull();
    }

    @Test
    void summaryRoundTripsAndCarriesItsVersion() throws IOException {
        RunSummary summary = RunSummary.of(analysis());
        Path file = SummaryJsonWriter.write(summary, dir);

        assertThat(SummaryJsonWriter.read(file)).isEqualTo(summary);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("summaryVersion").asInt()).isEqualTo(1);
        assertThat(json.get("runId").asText()).isEqualTo("run-1");
        assertThat(json.at("/outcome/status").asText()).isEqualTo("interrupted");
        assertThat(json.at("/gateways/0/name").asText()).isEqualTo("nginx");
        assertThat(json.at("/gateways/0/activation/activation/count").asLong()).isEqualTo(2);
        assertThat(json.at("/gateways/0/activation/errorsByKind/status 502").asLong()).isEqualTo(1);
        assertThat(json.at("/gateways/0/phases/0/name").asText()).isEqualTo("ramp");
        assertThat(json.at("/gateways/0/configApplies/applies").asLong()).isEqualTo(1);
        assertThat(json.at("/gateways/0/activation/activation").has("empty"))
                .as("only record components are written").isFalse();
        assertThat(dir.toFile().list()).containsExactly("summary.json");
    }

    @Test
    void versionsOfTheRunAndOfEachGatewayAreInTheSummaryAndTheReportHeader() throws IOException {
        Journals j = new Journals().runStarted("nginx")
                .append(new Events.VersionsRecorded(new Stamp(1, 1), null, Map.of("gateway-bench", "0.1.0", "java", "17")))
                .gatewayStarted("nginx", 0)
                .append(new Events.VersionsRecorded(new Stamp(2, 2), "nginx", Map.of("nginx", "nginx/1.22.1")));
        RunAnalysis analysis = RunAnalysis.of(j.history());
        Path file = SummaryJsonWriter.write(RunSummary.of(analysis), dir);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/versions/run/gateway-bench").asText()).isEqualTo("0.1.0");
        assertThat(json.at("/versions/run/java").asText()).isEqualTo("17");
        assertThat(json.at("/versions/nginx/nginx").asText()).isEqualTo("nginx/1.22.1");
        assertThat(HtmlReportWriter.render(analysis)).contains("versions: nginx", "nginx/1.22.1", "versions: run", "gateway-bench 0.1.0, java 17");
    }

    @Test
    void aJournalWithoutVersionsHasNoVersionsField() throws IOException {
        JsonNode json = new ObjectMapper().readTree(SummaryJsonWriter.write(RunSummary.of(analysis()), dir).toFile());
        assertThat(json.has("versions")).isFalse();
    }

    @Test
    void gatewayMetricsAreSummarisedPerSeriesAndNullWhereNoneWereScraped() throws IOException {
        RunSummary summary = RunSummary.of(RunAnalysis.of(GatewayMetricJournals.run().history()));
        Path file = SummaryJsonWriter.write(summary, dir);

        assertThat(SummaryJsonWriter.read(file)).isEqualTo(summary);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("summaryVersion").asInt()).isEqualTo(1);
        JsonNode reloads = json.at("/gateways/0/metrics/2");
        assertThat(reloads.get("name").asText()).isEqualTo("nginx_ingress_controller_success");
        assertThat(reloads.at("/labels/controller_pod").asText()).isEqualTo("c-1");
        assertThat(reloads.get("kind").asText()).isEqualTo("counter");
        assertThat(reloads.get("samples").asInt()).isEqualTo(6);
        assertThat(reloads.get("first").asDouble()).isEqualTo(4);
        assertThat(reloads.get("last").asDouble()).isEqualTo(2);
        assertThat(reloads.get("change").asDouble()).isEqualTo(4);
        assertThat(reloads.get("min").asDouble()).isEqualTo(1);
        assertThat(reloads.get("max").asDouble()).isEqualTo(6);
        assertThat(reloads.get("resets").asInt()).isEqualTo(1);
        assertThat(reloads.get("lastSeconds").asDouble()).isEqualTo(6.0);
        assertThat(json.at("/gateways/1/metrics")).hasSize(3);
        assertThat(json.at("/gateways/2/metrics").isNull()).as("lab-haproxy-runtime scraped nothing").isTrue();
        assertThat(json.at("/gateways/0").has("longConnections")).as("other fields stay").isTrue();
    }

    @Test
    void activationHistogramLogLoadsBackWithTheSameCounts() throws IOException {
        GatewayActivation activation = analysis().activation().get("nginx");
        List<Path> files = HistogramLogFiles.write(activation, Journals.EPOCH_WALL, Journals.EPOCH_WALL + 100, dir);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("activation-nginx.hlog", "first-answer-nginx.hlog", "deactivation-nginx.hlog");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            Histogram loaded = (Histogram) new HistogramLogReader(in).nextIntervalHistogram();
            Histogram expected = activation.activationHistogram();
            assertThat(loaded.getTotalCount()).isEqualTo(2);
            assertThat(loaded.getValueAtPercentile(50)).isEqualTo(expected.getValueAtPercentile(50));
            assertThat(loaded.getMaxValue()).isEqualTo(expected.getMaxValue());
        }
        Histogram firstAnswers = HistogramLogFiles.read(files.get(1));
        assertThat(firstAnswers).isEqualTo(activation.firstAnswerHistogram());
        assertThat(firstAnswers.getTotalCount()).isEqualTo(2);
    }

    @Test
    void hlogFileNamesAreSafe() {
        assertThat(HistogramLogFiles.Kind.ACTIVATION.fileName("../evil gw")).isEqualTo("activation-.._evil_gw.hlog");
        assertThat(HistogramLogFiles.Kind.FIRST_ANSWER.fileName("a#2")).isEqualTo("first-answer-a_2.hlog");
    }

    @Test
    void aFileThatIsNoHistogramLogIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("activation-x.hlog"), "0.1,0.2,1.0,!!!!\n");
        assertThatThrownBy(() -> HistogramLogFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("activation-x.hlog");
    }
}
