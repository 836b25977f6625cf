package org.gatewaybench.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.scenarios.model.Phase;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            name: small
            gateways:
              - name: lab-haproxy-runtime
                options:
                  applyDelay: 300ms
            churn:
              phases:
                - kind: ramp
                  to: 10
                  rate: 50
                - kind: steady
                  rate: 5
                  population: 10
                  duration: 2s
                - kind: delete-all
                  rate: 100
            """;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), yaml);
    }

    private List<Problem> problemsOf(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("expected the scenario to be refused");
    }

    @Test
    void loadsAValidScenarioWithDefaults() throws IOException {
        Scenario s = ScenarioLoader.load(write(VALID));
        assertThat(s.name()).isEqualTo("small");
        assertThat(s.fixture()).isEqualTo(FixtureKind.EMBEDDED);
        assertThat(s.tenants()).isEqualTo(10);
        assertThat(s.churn().concurrency()).isEqualTo(8);
        assertThat(s.churn().phases()).containsExactly(new Phase.Ramp("ramp", 10, 50),
                new Phase.Steady("steady", 5, 10, Duration.ofSeconds(2)), new Phase.DeleteAll("delete-all", 100));
        assertThat(s.probe().pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.probe().consecutiveSuccesses()).isEqualTo(3);
        assertThat(s.gateways().get(0).options()).containsEntry("applyDelay", "300ms");
    }

    @Test
    void aNegativeRateNamesFileLineFieldExpectedAndFound() throws IOException {
        List<Problem> problems = problemsOf(VALID.replace("rate: 50", "rate: -5"));
        assertThat(problems).hasSize(1);
        Problem p = problems.get(0);
        assertThat(p.line()).isEqualTo(10);
        assertThat(p.path()).isEqualTo("churn.phases[0].rate");
        assertThat(p.toString()).isEqualTo("s.yaml:10: churn.phases[0].rate: expected a number > 0 and <= 100000, found -5");
    }

    @Test
    void malformedYamlIsOneLocatedProblem() throws IOException {
        List<Problem> problems = problemsOf("name: x\ngateways: [\n  - a\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).expected()).isEqualTo("well-formed YAML");
        assertThat(problems.get(0).line()).isPositive();
    }

    @Test
    void anUnknownGatewayListsTheKnownOnes() throws IOException {
        List<Problem> problems = problemsOf(VALID.replace("lab-haproxy-runtime", "lab-traefik"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.path()).isEqualTo("gateways[0].name");
            assertThat(p.expected()).contains("lab-nginx-reload").contains("lab-haproxy-runtime");
            assertThat(p.found()).isEqualTo("'lab-traefik'");
        });
    }

    @Test
    void unknownFieldsMissingFieldsAndBadOptionsAreAllReported() throws IOException {
        String yaml = VALID.replace("name: small\n", "name: small\ntenant: 3\n")
                .replace("applyDelay: 300ms", "applyDelay: soon")
                .replace("      to: 10\n", "");
        List<Problem> problems = problemsOf(yaml);
        assertThat(problems).extracting(Problem::path)
                .containsExactlyInAnyOrder("tenant", "churn.phases[0].to");
        // option values are checked against the driver once the document's form is right
        List<Problem> optionProblems = problemsOf(VALID.replace("applyDelay: 300ms", "applyDelay: soon"));
        assertThat(optionProblems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("gateways[0].options.applyDelay");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.expected()).contains("duration");
        });
    }

    @Test
    void anUnknownPhaseKindNamesTheKinds() throws IOException {
        List<Problem> problems = problemsOf(VALID.replace("kind: steady", "kind: burst"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("churn.phases[1].kind");
            assertThat(p.expected()).isEqualTo("one of ramp, steady, delete-all");
        });
    }

    @Test
    void aGatewayOnAFixtureItDoesNotSupportIsRefused() throws IOException {
        Path file = write(VALID);
        assertThatThrownBy(() -> ScenarioLoader.load(file, new Overrides("k3s", List.of(), null, null, null)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("runs on fixture 'k3s'");
    }

    @Test
    void commandLineOverridesReplaceFixtureGatewaysAndRoutes() throws IOException {
        Scenario s = ScenarioLoader.load(write(VALID),
                new Overrides(null, List.of("lab-nginx-reload", "lab-haproxy-runtime"), 500, dir.resolve("out"), null));
        assertThat(s.gateways()).extracting(g -> g.name()).containsExactly("lab-nginx-reload", "lab-haproxy-runtime");
        assertThat(s.gateways().get(1).options()).containsEntry("applyDelay", "300ms");
        assertThat(s.churn().phases().get(0)).isEqualTo(new Phase.Ramp("ramp", 500, 50));
        assertThat(((Phase.Steady) s.churn().phases().get(1)).population()).isEqualTo(500);
        assertThat(s.output()).isEqualTo(dir.resolve("out"));
    }

    @Test
    void repeatComesFromTheFileOrTheCommandLineAndIsBounded() throws IOException {
        assertThat(ScenarioLoader.load(write(VALID)).repeat()).isEqualTo(1);
        assertThat(ScenarioLoader.load(write(VALID + "repeat: 3\n")).repeat()).isEqualTo(3);
        Path file = write(VALID + "repeat: 3\n");
        assertThat(ScenarioLoader.load(file, new Overrides(null, List.of(), null, null, 5)).repeat()).isEqualTo(5);

        assertThat(problemsOf(VALID + "repeat: 0\n")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("repeat");
            assertThat(p.line()).isEqualTo(17);
        });
        Path valid = write(VALID);
        assertThatThrownBy(() -> ScenarioLoader.load(valid, new Overrides(null, List.of(), null, null, 0)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("--repeat: expected a whole number from 1 to 100, found 0");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("no such file");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        List<Problem> problems = problemsOf(VALID.replace("name: small\n", "name: small\nname: again\n"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void anIntegerOptionOutsideItsDriversBoundsIsRefused() throws IOException {
        List<Problem> problems = problemsOf(VALID.replace("lab-haproxy-runtime", "lab-nginx-reload")
                .replace("applyDelay: 300ms", "workerProcesses: 0"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("gateways[0].options.workerProcesses");
            assertThat(p.expected()).isEqualTo("a whole number from 1 to 64");
            assertThat(p.found()).isEqualTo("'0'");
        });
    }
}
