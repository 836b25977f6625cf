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
            assertThat(ScenarioLoader.load(file).name()).as(file.toString()).isNotBlank();
        }
    }

    @Test
    void thePublishedSchemaIsTheOneTheCodeDescribes() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("scenario.schema.json")))
                .as("regenerate with: bin/gateway-bench schema > scenarios/scenario.schema.json")
                .isEqualTo(JsonSchemaWriter.scenarioSchema());
    }
}
