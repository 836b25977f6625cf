package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scenario catalogue in scenarios/ and the published schema stay valid and in step with the code. */
class CatalogueTest {

    private static final Path FOLDER = Path.of(".");

    @Test
    void everyCatalogueScenarioValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("quickstart.yaml");
        for (Path file : files) {
            try {
                assertThat(ScenarioLoader.load(file).name()).as(file.toString()).isNotBlank();
            } catch (ScenarioException e) {
                // A scenario for a gateway of another build (the Kubernetes drivers) may name a
                // driver this build lacks; that must be its only problem.
                assertThat(e.problems()).as(file + ": " + e.getMessage()).allSatisfy(p ->
                        assertThat(p.expected()).startsWith("a known gateway"));
            }
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("chaos-kill-data-plane.yaml",
                "chaos-freeze-controller.yaml", "chaos-partition.yaml", "chaos-squeeze.yaml",
                "chaos-restart-node.yaml", "traffic-during-churn.yaml");
    }

    @Test
    void thePublishedSchemaIsTheOneTheCodeDescribes() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("scenario.schema.json")))
                .as("regenerate with: bin/gateway-bench schema > scenarios/scenario.schema.json")
                .isEqualTo(JsonSchemaWriter.scenarioSchema());
    }
}
