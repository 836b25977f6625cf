package org.gatewaybench.scenarios.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows cannot run here, so they are checked here: against the workflow schema by
 * a maintained validator (bin/setup installs it), and for the project's own rules: inputs reach
 * scripts through env, push CI runs no Docker test, the nightly runs them per gateway.
 */
class WorkflowFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final Path VALIDATOR = ROOT.resolve(".tools/node_modules/.bin/action-validator");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void everyWorkflowPassesTheWorkflowSchema() throws Exception {
        assertThat(VALIDATOR).as("the workflow validator: run bin/setup").isExecutable();
        assertThat(workflows()).extracting(p -> p.getFileName().toString()).contains("ci.yml", "nightly.yml");
        for (Path workflow : workflows()) {
            Process p = new ProcessBuilder(VALIDATOR.toString(), workflow.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("action-validator finished").isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(workflow + ":\n" + output).isZero();
        }
    }

    @Test
    void theValidatorRefusesABrokenWorkflow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    stepz: []\n");
        Process p = new ProcessBuilder(VALIDATOR.toString(), broken.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("stepz");
    }

    @Test
    void scriptsGetInputsAndMatrixValuesThroughEnvNeverInterpolated() throws IOException {
        List<String> interpolated = new ArrayList<>();
        for (Path workflow : workflows()) {
            for (JsonNode job : YAML.readTree(workflow.toFile()).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    String run = step.path("run").asText("");
                    if (run.contains("${{")) {
                        interpolated.add(workflow.getFileName() + ": " + step.path("name").asText(run));
                    }
                }
            }
        }
        assertThat(interpolated).as("a run: script with ${{ }} (pass the value through env:)").isEmpty();
    }

    @Test
    void pushCiRunsTheReadmeTestCommandWithoutDockerTestsAndTheNightlyRunsThemPerGateway() throws IOException {
        JsonNode ci = YAML.readTree(WORKFLOWS.resolve("ci.yml").toFile());
        List<String> ciRuns = new ArrayList<>();
        ci.path("jobs").forEach(job -> job.path("steps").forEach(s -> ciRuns.add(s.path("run").asText(""))));
        assertThat(ciRuns).contains("bash .ci/run").noneMatch(r -> r.contains("groups"));
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("bin/setup && ./mvnw -B verify");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<excludedGroups>bench,docker</excludedGroups>");

        String nightly = Files.readString(WORKFLOWS.resolve("nightly.yml"));
        assertThat(nightly).contains("-Dgroups=docker", "\"-Dgatewaybench.gateways=$GATEWAY\"", "GATEWAY: ${{ matrix.gateway }}");
        for (Path test : dockerTests()) {
            assertThat(Files.readString(test)).as(test + " is tagged docker").contains("@Tag(\"docker\")");
        }
    }

    /** Whether a class of {@code source} carries {@code @annotation} (at the start of a line). */
    private static boolean annotated(Path source, String annotation) {
        try {
            return Files.readString(source).lines().anyMatch(l -> l.startsWith("@" + annotation));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every test class that starts containers: each must be tagged docker. */
    private static List<Path> dockerTests() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            List<Path> found = files.filter(p -> p.toString().contains("/src/test/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".java") && annotated(p, "Testcontainers")).toList();
            assertThat(found).as("the Docker tests of the project").hasSizeGreaterThanOrEqualTo(3);
            return found;
        }
    }
}
