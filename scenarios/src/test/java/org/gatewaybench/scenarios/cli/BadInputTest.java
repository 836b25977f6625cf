package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, tried as a user tries it: the CLI as its own process. Each gives a clear one-line
 * error and a non-zero exit; nothing is left running; an invalid scenario starts nothing at all.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: bad-input
            gateways:
              - name: GATEWAY
                options:
                  OPTION
            churn:
              phases:
                - kind: ramp
                  to: 20
                  rate: RATE
            """;

    private Path scenario(String gateway, String option, String rate) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"),
                SCENARIO.replace("GATEWAY", gateway).replace("OPTION", option).replace("RATE", rate));
    }

    private CliProcess run(Path scenario) throws IOException {
        return CliProcess.start(dir, "run", scenario.toString(), "--output", dir.resolve("runs").toString());
    }

    private void assertInvalidAndNothingStarted(CliProcess cli, String... expected) throws Exception {
        assertThat(cli.await(60)).isEqualTo(2);
        List<String> lines = cli.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("s.yaml:").contains(expected);
        assertThat(dir.resolve("runs")).as("no run folder for an invalid scenario").doesNotExist();
    }

    @Test
    void malformedYaml() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), "name: x\ngateways: [\n  - {name: lab-nginx-reload\n");
        assertInvalidAndNothingStarted(run(dir.resolve("s.yaml")), "well-formed YAML");
    }

    @Test
    void unknownGateway() throws Exception {
        assertInvalidAndNothingStarted(run(scenario("lab-traefik", "{}", "10")),
                "gateways[0].name", "lab-nginx-reload", "found 'lab-traefik'");
    }

    @Test
    void negativeRate() throws Exception {
        assertInvalidAndNothingStarted(run(scenario("lab-haproxy-runtime", "{}", "-5")),
                "s.yaml:10: churn.phases[0].rate", "found -5");
    }

    @Test
    void validateReportsTheSameProblemWithExitCode2() throws Exception {
        CliProcess cli = CliProcess.start(dir, "validate", scenario("lab-haproxy-runtime", "{}", "0").toString());
        assertThat(cli.await(60)).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("s.yaml:10: churn.phases[0].rate: expected a number > 0 and <= 100000, "
                + "found 0");
    }

    /** The doctor's check stops the run before anything starts, in the doctor's words. */
    @Test
    void nginxBinaryMissing() throws Exception {
        CliProcess cli = run(scenario("lab-nginx-reload", "binary: /nonexistent/nginx", "10"));
        assertThat(cli.await(60)).isEqualTo(1);
        List<String> lines = cli.err().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("problem  nginx for lab-nginx-reload: ")
                .contains("/nonexistent/nginx not found").contains("fix: bin/setup installs nginx"));
        assertThat(lines.stream().filter(l -> l.startsWith("error: "))).singleElement().asString()
                .contains("the run did not start: 1 problem(s)");
        assertThat(dir.resolve("runs")).as("no run folder: nothing started").doesNotExist();
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliProcess cli = run(scenario("lab-haproxy-runtime", "port: " + taken.getLocalPort(), "10"));
            assertThat(cli.await(60)).isEqualTo(1);
            assertFailedRun(cli, "port 127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
    }

    /** A run that failed: one error line, a closed journal that says why, no process left. */
    private void assertFailedRun(CliProcess cli, String reason) throws IOException {
        List<String> errors = cli.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).singleElement().asString().contains(reason);
        Path runDir;
        try (var runs = Files.list(dir.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        History history = JournalReader.read(runDir.resolve(JournalReader.NAME));
        assertThat(history.runEnded()).get().satisfies(end -> {
            assertThat(end.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(end.reason()).contains(reason);
        });
        assertThat(history.select(Events.OpInvoked.class)).as("no route was written").isEmpty();
        assertThat(CliProcess.processesUsing(dir)).as("processes left behind").isEmpty();
    }
}
