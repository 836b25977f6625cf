package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    private Path run(String name, long latencyMs) throws IOException {
        return RunFolders.rendered(dir, name, "gate", latencyMs);
    }

    @Test
    void sameFiguresPassAndSlowerActivationFailsTheGate() throws IOException {
        Path baseline = run("base", 100);
        assertThat(Main.execute("compare", baseline.toString(), run("same", 105).toString())).isZero();
        Path summary = dir.resolve("summary.md");
        assertThat(Main.execute("compare", baseline.toString(), run("slow", 300).toString(),
                "--markdown", summary.toString())).isEqualTo(1);
        assertThat(Files.readString(summary)).contains("**regressed**").contains("Result: **regression**.");
    }

    /** A rendered run folder whose one check is control-plane-exposure: B's position reached the runtime API or not. */
    private Path isolationRun(String name, boolean runtimeApiAnswers) throws IOException {
        String gw = "lab-haproxy-runtime";
        long ms = 1_000_000;
        List<Event> events = List.of(
                new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, name, "gate", "gate.yaml", "embedded",
                        "host", 2, List.of(gw), ProbeRule.conformance(), Map.of()),
                new Events.GatewayStarted(new Stamp(0, 0), gw, "127.0.0.1:1", Map.of()),
                new Events.IsolationCheckStarted(new Stamp(10 * ms, 0), gw, IsolationCheck.CONTROL_PLANE_EXPOSURE,
                        "va", "vb", List.of("q1"), Map.of()),
                new Events.ControlEndpointTried(new Stamp(11 * ms, 0), gw, "runtime-api", EndpointKind.ADMIN,
                        "127.0.0.1:9999", "show version", "vb", runtimeApiAnswers,
                        runtimeApiAnswers ? "2.6.12" : "connection refused"),
                new Events.IsolationVerdict(new Stamp(12 * ms, 0), gw, IsolationCheck.CONTROL_PLANE_EXPOSURE,
                        runtimeApiAnswers ? Verdict.VIOLATED : Verdict.HELD, "as judged", Map.of()),
                new Events.RunEnded(new Stamp(20 * ms, 0), RunOutcome.COMPLETED, null));
        Path runDir = Files.createDirectories(dir.resolve(name));
        Reports.render(History.of(events), runDir);
        return runDir;
    }

    @Test
    void anIsolationCheckThatWentFromHeldToViolatedFailsTheGate() throws IOException {
        Path held = isolationRun("held", false);
        Path summary = dir.resolve("gate.md");
        assertThat(Main.execute("compare", held.toString(), isolationRun("violated", true).toString(),
                "--markdown", summary.toString())).isEqualTo(1);
        assertThat(Files.readString(summary)).contains("| lab-haproxy-runtime | isolation control-plane-exposure | "
                + "held | violated | **regressed** |");
        assertThat(Main.execute("compare", isolationRun("violated-before", true).toString(), held.toString()))
                .isZero();
    }

    @Test
    void aLooserToleranceLetsTheSameRunPass() throws IOException {
        Path baseline = run("base", 100);
        Path slower = run("slower", 140);
        assertThat(Main.execute("compare", baseline.toString(), slower.toString())).isEqualTo(1);
        assertThat(Main.execute("compare", baseline.toString(), slower.toString(), "--tolerance", "50")).isZero();
    }

    @Test
    void aFolderWithoutSummaryOrABadFloorIsBadInput() throws IOException {
        Path baseline = run("base", 100);
        assertThat(Main.execute("compare", dir.resolve("nowhere").toString(), baseline.toString())).isEqualTo(2);
        assertThat(Main.execute("compare", baseline.toString(), baseline.toString(), "--floor", "soon")).isEqualTo(2);
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"summaryVersion\": \"x\"");
        assertThat(Main.execute("compare", garbage.toString(), baseline.toString())).isEqualTo(2);
    }

    @Test
    void aComparisonThatCannotBeWrittenIsNamed() throws IOException {
        Path baseline = run("base", 100);
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(Main.execute("compare", baseline.toString(), baseline.toString(), "--markdown",
                    "/proc/nope/comparison.md")).isEqualTo(1);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "error: cannot append the comparison to /proc/nope/comparison.md: No such file or directory\n");
    }
}
