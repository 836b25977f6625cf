package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab run that completes with a bound one gateway misses, as a user runs it: the CLI ends with
 * the assertion exit code, and the failing row is in every report and in Allure's results, while
 * the other gateway passes the same bound.
 */
class AssertionExitCodeTest {

    private static final Path SCENARIO = Path.of("src/test/resources/lab-targets.yaml").toAbsolutePath();
    private static final String NGINX = "lab-nginx-reload";
    private static final String HAPROXY = "lab-haproxy-runtime";
    private static final double BOUND_NANOS = 2e9;
    /** Allure writes its enums by their values (failed, finished): read them back regardless of case. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    @TempDir
    Path dir;

    @Test
    void aMissedBoundEndsWithCodeThreeAndFailsItsRowEverywhere() throws Exception {
        Path runDir;
        try (CliProcess cli = CliProcess.start(dir, "run", SCENARIO.toString(), "--output", "runs")) {
            int code = cli.await(240);
            assertThat(code).as("exit code\n" + cli.out() + cli.err()).isEqualTo(ExitCode.ASSERTION_FAILED);
            assertThat(cli.err()).contains("assertion failed: " + NGINX + ": activation.p99 = ")
                    .doesNotContain("assertion failed: " + HAPROXY);
            assertThat(cli.out()).contains("run completed: ");
            runDir = onlyRunIn(dir.resolve("runs"));
        }
        assertThat(CliProcess.processesUsing(dir)).as("nothing the run started is left").isEmpty();

        Map<String, JsonNode> json = new HashMap<>();
        JSON.readTree(runDir.resolve("summary.json").toFile()).get("assertions")
                .forEach(a -> json.put(a.get("gateway").asText() + " " + a.get("figure").asText(), a));
        assertThat(json).containsOnlyKeys(NGINX + " activation.p99", NGINX + " never-activated",
                HAPROXY + " activation.p99", HAPROXY + " never-activated");
        JsonNode nginxP99 = json.get(NGINX + " activation.p99");
        JsonNode haproxyP99 = json.get(HAPROXY + " activation.p99");
        assertThat(nginxP99.get("passed").asBoolean()).isFalse();
        assertThat(nginxP99.get("measured").asDouble()).as("nginx waits for its next reload").isGreaterThan(BOUND_NANOS);
        assertThat(haproxyP99.get("passed").asBoolean()).isTrue();
        assertThat(haproxyP99.get("measured").asDouble()).as("HAProxy takes the route without a reload")
                .isPositive().isLessThanOrEqualTo(BOUND_NANOS);
        assertThat(json.get(NGINX + " never-activated").get("passed").asBoolean()).isTrue();
        assertThat(json.get(HAPROXY + " never-activated").get("passed").asBoolean()).isTrue();

        assertThat(Files.readString(runDir.resolve("summary.md"))).contains("**1 of 4 failed.**")
                .containsPattern("\\| " + NGINX + " \\| activation\\.p99 \\| &lt;= 2s \\| [0-9.]+ s \\| \\*\\*FAILED\\*\\*")
                .containsPattern("\\| " + HAPROXY + " \\| activation\\.p99 \\| &lt;= 2s \\| [0-9.]+ m?s \\| passed");
        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains("1 of 4 failed")
                .containsPattern(htmlRow(NGINX, "[0-9.]+ s", "bad\">failed"))
                .containsPattern(htmlRow(HAPROXY, "[0-9.]+ m?s", "ok\">passed"));

        Map<String, TestResult> allure = allureResults(runDir.resolve("allure-results"));
        assertThat(allure.get(NGINX + " / activation.p99 <= 2s").getStatus()).isEqualTo(Status.FAILED);
        assertThat(allure.get(NGINX + " / activation.p99 <= 2s").getStatusDetails().getMessage())
                .startsWith("target missed: " + NGINX + ": activation.p99 = ");
        assertThat(allure.get(HAPROXY + " / activation.p99 <= 2s").getStatus()).isEqualTo(Status.PASSED);
        assertThat(allure.get(HAPROXY + " / never-activated == 0").getStatus()).isEqualTo(Status.PASSED);
        assertThat(allure).containsKeys(NGINX + " / run of lab-targets", HAPROXY + " / run of lab-targets");
    }

    /** A row of report.html's assertions table: gateway, activation.p99, the bound, measured, the badge. */
    private static String htmlRow(String gateway, String measured, String badge) {
        return gateway + "</td><td[^>]*>activation\\.p99</td><td>&lt;= 2s</td><td>" + measured
                + "</td><td[^>]*><span class=\"badge " + badge + "</span>";
    }

    private static Path onlyRunIn(Path runs) throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            List<Path> all = list.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Allure's results read back into Allure's own model (an unknown field fails), by "suite / name". */
    private static Map<String, TestResult> allureResults(Path folder) throws IOException {
        Map<String, TestResult> byName = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> p.getFileName().toString().endsWith("-result.json")).forEach(files::add);
        }
        for (Path f : files) {
            TestResult r = JSON.readValue(f.toFile(), TestResult.class);
            String suite = r.getLabels().stream().filter(l -> l.getName().equals("suite")).map(Label::getValue)
                    .findFirst().orElseThrow();
            byName.put(suite + " / " + r.getName(), r);
        }
        return byName;
    }
}
