package org.gatewaybench.scenarios.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assertions and isolation verdicts are read by their words, from journals whose records this version may not know. */
class FindingsTest {

    @TempDir
    Path dir;

    @Test
    void failedAssertionsAndViolatedIsolationChecksAreFindingsAndPassedOrHeldOnesAreNot() throws IOException {
        Path journal = Files.writeString(dir.resolve("journal.jsonl"), String.join("\n",
                "{\"type\":\"assertion-evaluated\",\"at\":{\"mono\":1,\"wall\":1},\"gateway\":\"g\","
                        + "\"figure\":\"activation.p99\",\"bound\":\"<= 5s\",\"measured\":9.1E9,\"passed\":false}",
                "{\"type\":\"assertion-evaluated\",\"at\":{\"mono\":2,\"wall\":2},\"gateway\":\"g\","
                        + "\"figure\":\"errors\",\"bound\":\"<= 0\",\"measured\":0,\"passed\":true}",
                "{\"type\":\"isolation-verdict\",\"at\":{\"mono\":3,\"wall\":3},\"gateway\":\"g\","
                        + "\"check\":\"same-host-same-path\",\"verdict\":\"violated\",\"reason\":\"B took A's host\","
                        + "\"figures\":{}}",
                "{\"type\":\"isolation-verdict\",\"at\":{\"mono\":4,\"wall\":4},\"gateway\":\"g\","
                        + "\"check\":\"sub-path-capture\",\"verdict\":\"held\",\"reason\":\"\",\"figures\":{}}")
                + "\n");

        Findings f = Findings.of(journal);

        assertThat(f.failedAssertions()).singleElement().asString()
                .contains("figure: activation.p99", "bound: <= 5s", "passed: false");
        assertThat(f.isolationFindings()).singleElement().asString()
                .contains("check: same-host-same-path", "verdict: violated", "reason: B took A's host");
        assertThat(f.neverActivated()).isEmpty();
        assertThat(f.any()).isTrue();
    }

    @Test
    void aDropIsToldWithTheConfigApplyThatRetiredItsConnection() throws IOException {
        Path run = dir.resolve("run");
        try (JournalWriter journal = JournalWriter.create(run.resolve(JournalReader.NAME))) {
            journal.append(new Events.RunStarted(new Stamp(0, 0), 2, "run-7", "drops", "drops.yaml", "embedded", "vm",
                    2, List.of("nginx"), ProbeRule.conformance(), Map.of("name", "drops", "seed", 5)));
            journal.append(new Events.GatewayStarted(new Stamp(1_000_000_000L, 1), "nginx", "127.0.0.1:1", Map.of()));
            journal.append(new Events.ConnectionDropped(new Stamp(3_500_000_000L, 2), "nginx", ConnectionKind.WEBSOCKET,
                    9, 0, new RouteKey("t0000", "s00000"), DropCause.CLOSED, "peer closed", 2_000_000_000L, 100_000_000L,
                    7, "reload", 200_000_000L, 7, 200_000_000L, 1));
            journal.append(new Events.RunEnded(new Stamp(4_000_000_000L, 3), RunOutcome.COMPLETED, null));
        }
        Findings f = Findings.of(run.resolve(JournalReader.NAME));
        String repro = ReproMarkdown.render(RunRecord.read(run), f, "b.zip", List.of(), List.of());

        assertThat(f.drops()).singleElement().satisfies(d -> {
            assertThat(d.atSeconds()).isEqualTo(2.5);
            assertThat(d.retiringApply()).isEqualTo(7);
        });
        assertThat(repro).contains("churn seed 5; the run completed",
                "- nginx: websocket connection to t0000/s00000 closed at 2.500 s, 0.200 s after config apply 7 (reload) "
                        + "started (peer closed)");
    }
}
