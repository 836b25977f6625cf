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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenario catalogue in scenarios/ and the published schema stay valid and in step with the code. */
class CatalogueTest {

    private static final Path FOLDER = Path.of(".");

    @TempDir
    Path dir;

    static List<Path> catalogue() throws IOException {
        try (Stream<Path> list = Files.list(FOLDER)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theCatalogueHoldsTheDocumentedScenarios() throws IOException {
        assertThat(catalogue()).extracting(p -> p.getFileName().toString()).contains("quickstart.yaml",
                "chaos-kill-data-plane.yaml", "chaos-freeze-controller.yaml", "chaos-partition.yaml",
                "chaos-squeeze.yaml", "chaos-restart-node.yaml", "traffic-during-churn.yaml", "nightly.yaml",
                "tenant-isolation.yaml");
    }

    /** Every scenario loads without any problem: this build has every gateway the catalogue names. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCatalogueScenarioValidates(Path file) {
        assertThat(ScenarioLoader.load(file).name()).isNotBlank();
    }

    @Test
    void aCatalogueScenarioWithAMisspeltGatewayIsRefusedNamingIt() throws IOException {
        Path quickstart = FOLDER.resolve("quickstart.yaml");
        String yaml = Files.readString(quickstart);
        assertThat(yaml).contains("- name: lab-haproxy-runtime\n");
        Path misspelt = Files.writeString(dir.resolve("quickstart.yaml"),
                yaml.replace("- name: lab-haproxy-runtime\n", "- name: lab-haproxy-runtme\n"));
        int line = yaml.substring(0, yaml.indexOf("lab-haproxy-runtime")).split("\n", -1).length;
        assertThatThrownBy(() -> ScenarioLoader.load(misspelt)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("quickstart.yaml:" + line + ": gateways[1].name")
                .hasMessageContaining("a known gateway")
                .hasMessageContaining("'lab-haproxy-runtme'");
    }

    /** The scenario as run (journaled in run-started) loads back to the same scenario. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCatalogueScenarioWrittenAsRunLoadsBackTheSame(Path file) throws IOException {
        Scenario scenario = ScenarioLoader.load(file);
        Path asRun = Files.writeString(dir.resolve(file.getFileName()), ScenarioTree.yaml(scenario));
        assertThat(ScenarioLoader.load(asRun).withSource(scenario.source()))
                .as("written as:\n" + ScenarioTree.yaml(scenario)).isEqualTo(scenario);
    }

    @Test
    void thePublishedSchemaIsTheOneTheCodeDescribes() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("scenario.schema.json")))
                .as("regenerate with: bin/gateway-bench schema > scenarios/scenario.schema.json")
                .isEqualTo(JsonSchemaWriter.scenarioSchema());
    }
}
