package org.gatewaybench.scenarios.cli;

import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.activation.Expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final String GW = "lab-haproxy-runtime";
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    /** A rendered run folder whose 10 routes each activate {@code latencyMs} after their ack. */
    private Path run(String name, long latencyMs) throws IOException {
        return run(name, latencyMs, null);
    }

    /**
     * The same run, and when {@code runtimeApiAnswers} is not null a control-plane-exposure check in
     * which B's position reached the runtime API or not.
     */
    private Path run(String name, long latencyMs, Boolean runtimeApiAnswers) throws IOException {
        List<Event> events = new ArrayList<>();
        events.add(new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, name, "gate", "gate.yaml",
                "embedded", "host", 2, List.of(GW), ProbeRule.conformance(), Map.of()));
        events.add(new Events.GatewayStarted(new Stamp(0, 0), GW, "127.0.0.1:1", Map.of()));
        for (long op = 1; op <= 10; op++) {
            RouteKey route = new RouteKey("t0000", "r" + op);
            long ack = op * 1000 * MS;
            events.add(new Events.OpInvoked(new Stamp(ack - MS, 0), GW, op, OpKind.CREATE, route, "h", "/", "b0", ack - MS));
            events.add(new Events.OpCompleted(new Stamp(ack, 0), GW, op, OpKind.CREATE, route, true, null, null));
            for (int poll = 0; poll < 3; poll++) {
                long sent = ack + (latencyMs + poll) * MS;
                events.add(new Events.ProbePoll(new Stamp(sent + MS / 2, 0), GW, op, route, Expect.PRESENT, PollOutcome.OK, 200,
                        null, sent, poll == 0 ? 0 : MS));
            }
        }
        if (runtimeApiAnswers != null) {
            events.add(new Events.IsolationCheckStarted(new Stamp(15_000 * MS, 0), GW,
                    IsolationCheck.CONTROL_PLANE_EXPOSURE, "va", "vb", List.of("q1"), Map.of()));
            events.add(new Events.ControlEndpointTried(new Stamp(15_001 * MS, 0), GW, "runtime-api",
                    EndpointKind.ADMIN, "127.0.0.1:9999", "show version", "vb", runtimeApiAnswers,
                    runtimeApiAnswers ? "2.6.12" : "connection refused"));
            events.add(new Events.IsolationVerdict(new Stamp(15_002 * MS, 0), GW, IsolationCheck.CONTROL_PLANE_EXPOSURE,
                    runtimeApiAnswers ? Verdict.VIOLATED : Verdict.HELD, "as judged", Map.of()));
        }
        events.add(new Events.RunEnded(new Stamp(20_000 * MS, 0), RunOutcome.COMPLETED, null));
        Path runDir = Files.createDirectories(dir.resolve(name));
        Reports.render(History.of(events), runDir);
        return runDir;
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

    @Test
    void anIsolationCheckThatWentFromHeldToViolatedFailsTheGate() throws IOException {
        Path held = run("held", 100, false);
        Path summary = dir.resolve("gate.md");
        assertThat(Main.execute("compare", held.toString(), run("violated", 100, true).toString(),
                "--markdown", summary.toString())).isEqualTo(1);
        assertThat(Files.readString(summary)).contains("| lab-haproxy-runtime | isolation control-plane-exposure | "
                + "held | violated | **regressed** |");
        assertThat(Main.execute("compare", run("violated-before", 100, true).toString(), held.toString())).isZero();
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
}
