package org.gatewaybench.core.journal;

import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.StatusSignal;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.connection.ConnectionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void eventsReadBackEqualAndInOrder() throws IOException {
        Path file = dir.resolve("run/journal.jsonl");
        List<Event> written = List.of(
                new Events.RunStarted(new Stamp(1, 2), Journal.SCHEMA_VERSION, "r1", "quick", "q.yaml", "embedded",
                        "host", 2, List.of("lab-nginx-reload"), ProbeRule.conformance(), Map.of("routes", 10)),
                new Events.OpCompleted(new Stamp(3, 4), "lab-nginx-reload", 7, OpKind.CREATE,
                        new RouteKey("t0001", "r00001"), false, "admission webhook denied the request", Refusal.ADMISSION_DENIED),
                new Events.ProbePoll(new Stamp(5, 6), "lab-nginx-reload", 7, RouteKey.parse("t0001/r00001"),
                        Expect.PRESENT, PollOutcome.OK, 200, null, 4, 1_000_000),
                new Events.RouteStatusObserved(new Stamp(6, 7), "ingress-nginx", RouteKey.parse("t0001/r00001"), 1,
                        StatusSignal.INGRESS_ADDRESS, "172.18.0.2"),
                new Events.RouteApiRetried(new Stamp(7, 8), "ingress-nginx", RouteKey.parse("t0001/r00002"), "create",
                        429, 1, 50_000_000),
                new Events.ConnectionOpened(new Stamp(6, 6), "lab-nginx-reload", ConnectionKind.WEBSOCKET, 3, 0,
                        RouteKey.parse("t0001/r00001"), 2_000_000, 1),
                new Events.ConnectionDropped(new Stamp(7, 7), "lab-nginx-reload", ConnectionKind.WEBSOCKET, 3, 0,
                        RouteKey.parse("t0001/r00001"), DropCause.CLOSED, "peer closed", 1_000, 500, 4, "reload", 200, 2,
                        300, 3),
                new Events.ConnectionOpenFailed(new Stamp(8, 8), "lab-nginx-reload", ConnectionKind.SSE, 1,
                        RouteKey.parse("t0001/r00001"), 2, true, DropCause.REFUSED, "connection refused", 200_000_000),
                new Events.ConnectionPopulation(new Stamp(8, 9), "lab-nginx-reload", ConnectionKind.H2C, 10, 9),
                new Events.FaultStarted(new Stamp(8, 10), "lab-nginx-reload", 1, FaultAction.KILL, FaultTarget.DATA_PLANE,
                        "SIGKILL nginx master 42 and 1 worker"),
                new Events.FaultHealed(new Stamp(8, 11), "lab-nginx-reload", 1, true, "restarted, pid 43"),
                new Events.WrkSummary(new Stamp(8, 12), "lab-nginx-reload", "a.example", "/", 1, 5_000_000_000L,
                        50_000, 10_000.5, 90_000, 100_000, 120_000, 300_000, 2_000_000, 0),
                new Events.RunEnded(new Stamp(9, 10), RunOutcome.COMPLETED, null));
        try (JournalWriter writer = JournalWriter.create(file)) {
            written.forEach(writer::append);
        }
        History history = JournalReader.read(file);
        assertThat(history.events()).containsExactlyElementsOf(written);
        int statusLine = written.indexOf(written.stream().filter(Events.RouteStatusObserved.class::isInstance)
                .findFirst().orElseThrow());
        assertThat(Files.readAllLines(file).get(statusLine)).contains("\"type\":\"route-status-observed\"");
        assertThat(history.truncatedTail()).isFalse();
        assertThat(Files.readAllLines(file).get(1)).contains("\"type\":\"op-completed\"")
                .contains("\"route\":\"t0001/r00001\"");
    }

    @Test
    void partialLastLineOfACrashedRunIsSkippedAndFlagged() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.create(file)) {
            writer.append(new Events.Note(new Stamp(1, 1), NoteLevel.INFO, null, "hello"));
        }
        Files.writeString(file, "{\"type\":\"note\",\"at\":{\"mo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        History history = JournalReader.read(file);
        assertThat(history.events()).hasSize(1);
        assertThat(history.truncatedTail()).isTrue();
    }

    @Test
    void brokenLineInTheMiddleNamesFileAndLine() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"type\":\"note\",\"at\":{\"mono\":1,\"wall\":1},\"level\":\"info\",\"message\":\"a\"}\n"
                + "garbage\n"
                + "{\"type\":\"note\",\"at\":{\"mono\":2,\"wall\":2},\"level\":\"info\",\"message\":\"b\"}\n");
        assertThatThrownBy(() -> JournalReader.read(file)).hasMessageContaining("journal.jsonl:2");
    }

    @Test
    void unknownEventTypesOfANewerHarnessAreSkippedAndCounted() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"type\":\"from-the-future\",\"at\":{\"mono\":1,\"wall\":1}}\n"
                + "{\"type\":\"note\",\"at\":{\"mono\":2,\"wall\":2},\"level\":\"info\",\"message\":\"b\",\"newField\":3}\n");
        History history = JournalReader.read(file);
        assertThat(history.unknownEvents()).isEqualTo(1);
        assertThat(history.events()).hasSize(1);
    }

    @Test
    void aWriterNeverOverwritesAnExistingJournal() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "precious\n");
        assertThatThrownBy(() -> JournalWriter.create(file)).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("precious\n");
    }

    @Test
    void linesReachTheFileWithoutClose() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter writer = JournalWriter.create(file)) {
            writer.append(new Events.Note(new Stamp(1, 1), NoteLevel.INFO, null, "flushed by the timer"));
            // The timer flushes every FLUSH_INTERVAL_MILLIS (500 ms); 5 s allows a loaded machine.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Files.readString(file)).contains("flushed by the timer"));
        }
    }
}
