package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static final String GW = "lab-haproxy-runtime";
    private static final long MS = 1_000_000;

    @TempDir
    Path runDir;

    private static Events.ProbePoll poll(long op, RouteKey route, PollOutcome outcome, long sentMs, long journaledMs) {
        return new Events.ProbePoll(new Stamp(journaledMs * MS, 0), GW, op, route, Expect.PRESENT, outcome,
                outcome == PollOutcome.OK ? 200 : 404, null, sentMs * MS, 10 * MS);
    }

    @Test
    void aFailingAnalysisIsNamedAndTheRestIsRenderedWithExitZero() throws IOException {
        RouteKey route = new RouteKey("t0000", "r1");
        try (JournalWriter journal = JournalWriter.create(runDir.resolve("journal.jsonl"))) {
            journal.append(new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, "run-1", "s", "s.yaml",
                    "embedded", "host", 2, List.of(GW), ProbeRule.conformance(), Map.of()));
            journal.append(new Events.GatewayStarted(new Stamp(0, 0), GW, "127.0.0.1:1", Map.of()));
            journal.append(new Events.OpInvoked(new Stamp(9 * MS, 0), GW, 1, OpKind.CREATE, route, "h", "/", "b0", 0));
            journal.append(new Events.OpCompleted(new Stamp(10 * MS, 0), GW, 1, OpKind.CREATE, route, true, null, null));
            journal.append(new Events.ConfigApplyStarted(new Stamp(11 * MS, 0), GW, 1, "runtime-api", 1, 1));
            journal.append(new Events.ConfigApplyEnded(new Stamp(12 * MS, 0), GW, 1, "runtime-api", true, null));
            for (long sent = 20; sent <= 40; sent += 10) {
                journal.append(poll(1, route, PollOutcome.OK, sent, sent + 1));
            }
            journal.append(poll(2, new RouteKey("t0000", "r2"), PollOutcome.NOT_YET, 9000, 9001));
            journal.append(poll(1, route, PollOutcome.NOT_YET, 25, 9002)); // 9 s out of sending order: line 11
            journal.append(new Events.RunEnded(new Stamp(10_000 * MS, 0), RunOutcome.COMPLETED, null));
        }

        assertThat(Main.execute("report", runDir.toString())).isZero();

        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains("Analyses that failed").contains("(journal line 11)")
                .contains("Not shown: the activation analysis failed").contains("<h2>Config applies</h2>");
        assertThat(Files.readString(runDir.resolve("summary.json"))).contains("\"failedAnalyses\"");
    }
}
