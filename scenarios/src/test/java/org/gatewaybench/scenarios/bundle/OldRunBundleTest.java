package org.gatewaybench.scenarios.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.gatewaybench.scenarios.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run from before the scenario as run was journaled (schema 1) still bundles; its replay is refused by name. */
class OldRunBundleTest {

    /** The schema-1 journal the reports keep to prove old runs still render. */
    private static final Path SCHEMA_1 = Path.of("../reports/src/test/resources/schema-1/journal.jsonl");

    @TempDir
    Path dir;

    @Test
    void aSchemaOneRunBundlesWithItsScenarioFileAsTheWayToRerunIt() throws IOException {
        Path run = Files.createDirectories(dir.resolve("schema-one-20261128-070036"));
        Files.copy(SCHEMA_1, run.resolve("journal.jsonl"));
        Files.writeString(run.resolve("scenario.yaml"), "name: schema-one\n");
        Path zip = dir.resolve("old.zip");

        assertThat(Main.execute("bundle", run.toString(), "--output", zip.toString())).isZero();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String repro = new String(z.getInputStream(z.getEntry("schema-one-20261128-070036/REPRO.md")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(repro).contains("Scenario **schema-one**", "cannot be replayed",
                    "bin/gateway-bench run schema-one-20261128-070036/scenario.yaml");
            assertThat(z.getEntry("schema-one-20261128-070036/scenario-as-run.yaml")).isNull();
            String journal = new String(z.getInputStream(z.getEntry("schema-one-20261128-070036/journal.jsonl"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(journal).as("a plain journal stays plain").startsWith("{\"type\":\"run-started\"")
                    .hasLineCount(Files.readAllLines(SCHEMA_1).size());
        }
        assertThat(Main.execute("run", "--replay", zip.toString())).isEqualTo(2);
    }
}
