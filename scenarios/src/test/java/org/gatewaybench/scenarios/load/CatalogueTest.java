package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario catalogue in scenarios/ and the published schema stay valid and in step with the code. */
class CatalogueTest {

    private static final Path FOLDER = Path.of(".");

    @TempDir
    Path dir;

    private static List<Path> catalogue() throws IOException {
        try (Stream<Path> list = Files.list(FOLDER)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyCatalogueScenarioValidates() throws IOException {
        List<Path> files = catalogue();
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("quickstart.yaml",
                "chaos-kill-data-plane.yaml", "chaos-freeze-controller.yaml", "chaos-partition.yaml",
                "chaos-squeeze.yaml", "chaos-restart-node.yaml", "traffic-during-churn.yaml", "nightly.yaml");
        for (Path file : files) {
            assertThat(ScenarioLoader.load(file).name()).as(file.toString()).isNotBlank();
        }
    }

    @Test
    void aMisspelledGatewayInACatalogueScenarioIsCaught() throws IOException {
        Path misspelled = dir.resolve("quickstart.yaml");
        Files.writeString(misspelled, Files.readString(FOLDER.resolve("quickstart.yaml"))
                .replace("lab-haproxy-runtime", "lab-haproxy-runtim"));
        assertThatThrownBy(() -> ScenarioLoader.load(misspelled)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("gateways[1].name: expected a known gateway")
                .hasMessageContaining("found 'lab-haproxy-runtim'");
    }

    @Test
    void everyCatalogueScenarioWrittenAsRunLoadsBackTheSame() throws IOException {
        for (Path file : catalogue()) {
            Scenario scenario = ScenarioLoader.load(file);
            Path asRun = dir.resolve(file.getFileName());
            Files.writeString(asRun, ScenarioTree.yaml(scenario));
            Scenario again = ScenarioLoader.load(asRun);
            assertThat(again.withSource(scenario.source())).as(file + " written as:\n" + ScenarioTree.yaml(scenario))
                    .isEqualTo(scenario);
        }
    }

    @Test
    void thePublishedSchemaIsTheOneTheCodeDescribes() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("scenario.schema.json")))
                .as("regenerate with: bin/gateway-bench schema > scenarios/scenario.schema.json")
                .isEqualTo(JsonSchemaWriter.scenarioSchema());
    }
}
