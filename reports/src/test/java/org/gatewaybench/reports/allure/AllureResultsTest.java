package org.gatewaybench.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.AssertionReportTest;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Reports;
import org.gatewaybench.reports.SampleHistories;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allure-results/ of a run: what Allure's model holds for each gateway and assertion. */
class AllureResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneResultPerGatewayRunAndPerAssertionWithLabelsParametersStepsAndAttachments() throws IOException {
        Reports.render(versioned(AssertionReportTest.judged(400)), dir);
        Path results = dir.resolve(AllureResults.FOLDER);
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : results(results)) {
            byName.put(label(r, "suite") + " / " + r.get("name").asText(), r);
        }
        assertThat(byName).containsOnlyKeys("lab-nginx-reload / run of lab-compare",
                "lab-nginx-reload / activation.p99 <= 50ms", "lab-nginx-reload / never-activated == 0",
                "lab-haproxy-runtime / run of lab-compare", "lab-haproxy-runtime / activation.p99 <= 50ms",
                "lab-haproxy-runtime / never-activated == 0");

        JsonNode failed = byName.get("lab-nginx-reload / activation.p99 <= 50ms");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("statusDetails").get("message").asText())
                .startsWith("target missed: lab-nginx-reload: activation.p99 = ").contains("bound <= 50ms");
        assertThat(label(failed, "scenario")).isEqualTo("lab-compare");
        assertThat(label(failed, "gateway")).isEqualTo("lab-nginx-reload");
        assertThat(label(failed, "family")).isEqualTo("activation");
        assertThat(parameters(failed)).containsEntry("gateway", "lab-nginx-reload").containsEntry("version", "nginx 1.22.1")
                .containsEntry("fixture", "embedded").containsEntry("routes", "400").containsEntry("bound", "<= 50ms");
        assertThat(attachmentNames(failed)).contains("summary.md", "report.html", "activation-lab-nginx-reload.hlog",
                "slowest activations.txt");
        assertThat(byName.get("lab-haproxy-runtime / activation.p99 <= 50ms").get("status").asText()).isEqualTo("passed");

        JsonNode run = byName.get("lab-haproxy-runtime / run of lab-compare");
        assertThat(run.get("status").asText()).isEqualTo("passed");
        assertThat(label(run, "family")).isEqualTo("run");
        List<String> steps = new ArrayList<>();
        run.get("steps").forEach(s -> steps.add(s.get("name").asText()));
        assertThat(steps).containsExactly("phase ramp (ramp): 400 writes", "phase steady (steady): 80 writes",
                "phase delete-all (delete-all): 400 writes");
        assertThat(run.get("steps").get(0).get("start").asLong()).isGreaterThanOrEqualTo(run.get("start").asLong());
        assertThat(byName.get("lab-nginx-reload / run of lab-compare").get("statusDetails").get("message").asText())
                .as("the sample's probe fell behind during nginx").startsWith("harness problem: the harness fell behind");
        assertThat(run.get("historyId").asText()).isNotEqualTo(failed.get("historyId").asText());

        for (JsonNode r : results(results)) {
            r.get("attachments").forEach(a -> assertThat(results.resolve(a.get("source").asText())).isRegularFile());
        }
        assertThat(results.resolve(byName.get("lab-nginx-reload / run of lab-compare").get("attachments").get(0)
                .get("source").asText())).hasSameTextualContentAs(dir.resolve("summary.md"));

        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(results.resolve("environment.properties"))) {
            env.load(in);
        }
        assertThat(env).containsEntry("scenario", "lab-compare").containsEntry("gateway-bench", "0.1.0")
                .containsEntry("lab-nginx-reload.nginx", "1.22.1").containsEntry("os name", "Linux = x");
        JsonNode categories = JSON.readTree(results.resolve("categories.json").toFile());
        assertThat(categories.findValuesAsText("name")).containsExactly("Target missed", "Gateway never ready",
                "Harness problem", "Run failed or interrupted");
        assertThat(results.resolve("executor.json")).doesNotExist();
    }

    @Test
    void renderingAgainReplacesTheFolderWithTheSameFiles() throws IOException {
        History history = AssertionReportTest.judged(100);
        Reports.render(history, dir);
        Path results = dir.resolve(AllureResults.FOLDER);
        Files.writeString(results.resolve("stale-result.json"), "{}");
        List<String> before = files(results);
        AllureResults.write(RunAnalysis.of(history), dir, Map.of());
        List<String> after = files(results);
        assertThat(after).doesNotContain("stale-result.json");
        assertThat(before).containsAll(after).hasSize(after.size() + 1);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("allure-results-"));
        }
    }

    @Test
    void githubActionsNamesTheExecutor() throws IOException {
        AllureResults.write(RunAnalysis.of(SampleHistories.twoGateways(20)), dir, Map.of("GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.example", "GITHUB_REPOSITORY", "team/bench", "GITHUB_RUN_ID", "77",
                "GITHUB_RUN_NUMBER", "12", "GITHUB_WORKFLOW", "nightly"));
        JsonNode executor = JSON.readTree(dir.resolve(AllureResults.FOLDER).resolve("executor.json").toFile());
        assertThat(executor.get("type").asText()).isEqualTo("github");
        assertThat(executor.get("buildOrder").asLong()).isEqualTo(12);
        assertThat(executor.get("buildName").asText()).isEqualTo("nightly #12");
        assertThat(executor.get("buildUrl").asText()).isEqualTo("https://github.example/team/bench/actions/runs/77");
    }

    @Test
    void aGatewayThatNeverStartedIsBrokenAndItsAssertionsAreNotJudged() throws IOException {
        Map<String, Object> settings = Map.of("assertions", List.of(Map.of("figure", "activation.p99", "bound",
                "<= 5s", "gateways", List.of())));
        List<Event> events = List.of(
                new Events.RunStarted(new Stamp(0, 1_000), Journal.SCHEMA_VERSION, "r1", "broken-run", "s.yaml",
                        "embedded", "host", 2, List.of("lab-nginx-reload", "lab-haproxy-runtime"),
                        ProbeRule.conformance(), settings),
                new Events.Note(new Stamp(1_000_000, 1_001), org.gatewaybench.core.journal.NoteLevel.INFO,
                        "lab-nginx-reload", "installing"),
                new Events.RunEnded(new Stamp(2_000_000, 1_002), RunOutcome.FAILED, "nginx: config test failed"));
        AllureResults.write(RunAnalysis.of(History.of(events)), dir, Map.of());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : results(dir.resolve(AllureResults.FOLDER))) {
            byName.put(label(r, "suite") + " / " + r.get("name").asText(), r);
        }
        JsonNode nginx = byName.get("lab-nginx-reload / run of broken-run");
        assertThat(nginx.get("status").asText()).isEqualTo("broken");
        assertThat(nginx.get("statusDetails").get("message").asText())
                .isEqualTo("gateway never ready: nginx: config test failed");
        JsonNode notJudged = byName.get("lab-nginx-reload / activation.p99 <= 5s");
        assertThat(notJudged.get("status").asText()).isEqualTo("broken");
        assertThat(notJudged.get("statusDetails").get("message").asText()).startsWith("gateway never ready");
        assertThat(byName.get("lab-haproxy-runtime / run of broken-run").get("status").asText()).isEqualTo("skipped");
        assertThat(byName.get("lab-haproxy-runtime / activation.p99 <= 5s").get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void eachIsolationCheckIsAResultFailedWhenViolatedAndPassedWhenHeldOrRefused() throws IOException {
        AllureResults.write(RunAnalysis.of(IsolationJournals.run().history()), dir, Map.of());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : results(dir.resolve(AllureResults.FOLDER))) {
            byName.put(label(r, "suite") + " / " + r.get("name").asText(), r);
        }
        JsonNode captured = byName.get("nginx / same-host-same-path");
        assertThat(captured.get("status").asText()).isEqualTo("failed");
        assertThat(captured.get("statusDetails").get("message").asText())
                .startsWith("violated: 5 of 5 requests to A's host app.va reached B's backend b1");
        assertThat(label(captured, "family")).isEqualTo("isolation");
        assertThat(parameters(captured)).containsEntry("verdict", "violated").containsEntry("capturedDuring", "5");
        assertThat(byName.get("haproxy / same-host-same-path").get("status").asText()).isEqualTo("passed");
        assertThat(byName.get("haproxy / config-poisoning").get("status").asText()).isEqualTo("passed");
        assertThat(byName.get("nginx / control-plane-exposure").get("status").asText()).isEqualTo("failed");
    }

    /** The sample run with versions recorded, as the runner records them. */
    private static History versioned(History history) {
        List<Event> events = new ArrayList<>(history.events());
        Stamp at = events.get(0).at();
        events.add(1, new Events.VersionsRecorded(at, null, Map.of("gateway-bench", "0.1.0", "os name", "Linux = x")));
        events.add(2, new Events.VersionsRecorded(at, "lab-nginx-reload", Map.of("nginx", "1.22.1")));
        return History.of(events);
    }

    private static List<JsonNode> results(Path folder) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                results.add(JSON.readTree(f.toFile()));
            }
        }
        return results;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode l : result.get("labels")) {
            if (l.get("name").asText().equals(name)) {
                return l.get("value").asText();
            }
        }
        return null;
    }

    private static Map<String, String> parameters(JsonNode result) {
        Map<String, String> p = new HashMap<>();
        result.get("parameters").forEach(n -> p.put(n.get("name").asText(), n.get("value").asText()));
        return p;
    }

    private static List<String> attachmentNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("attachments").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }
}
