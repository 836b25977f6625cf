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
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {

    private static final String GW = "lab-haproxy-runtime";
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    /** A rendered run folder whose 10 routes each activate {@code latencyMs} after their ack. */
    private Path run(String name, String scenario, long latencyMs) throws IOException {
        List<Event> events = new ArrayList<>();
        events.add(new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, name, scenario, scenario + ".yaml",
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
        events.add(new Events.RunEnded(new Stamp(20_000 * MS, 0), RunOutcome.COMPLETED, null));
        Path runDir = Files.createDirectories(dir.resolve(name));
        Reports.render(History.of(events), runDir);
        return runDir;
    }

    @Test
    void twoRunsMakeAStudyAndRunsOfDifferentScenariosAreRefusedUnlessAllowed() throws IOException {
        Path one = run("one", "gate", 100);
        Path two = run("two", "gate", 120);
        Path out = dir.resolve("study");
        assertThat(Main.execute("study", one.toString(), two.toString(), "--output", out.toString(), "--title",
                "Gate study")).isZero();
        assertThat(Files.readString(out.resolve("study.html"))).contains("<title>Gate study</title>");
        assertThat(out.resolve("study.json")).exists();
        assertThat(out.resolve("summary.md")).exists();

        Path other = run("other", "nightly", 100);
        Path refused = dir.resolve("refused");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("study", one.toString(), other.toString(), "--output", refused.toString()))
                    .isEqualTo(ExitCode.BAD_INPUT);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("different scenarios")
                .contains("ran 'gate'").contains("ran 'nightly'").contains("--allow-mixed");
        assertThat(refused).doesNotExist();
        assertThat(Main.execute("study", one.toString(), other.toString(), "--output", refused.toString(),
                "--allow-mixed")).isZero();
        assertThat(Main.execute("study", dir.resolve("nowhere").toString())).isEqualTo(ExitCode.BAD_INPUT);
    }
}
