package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history opened on a journal file: read again on every replay, each event with its line. */
class JournalFileTest {

    @TempDir
    Path dir;

    private static String note(long mono, String message) {
        return JournalCodec.toLine(new Events.Note(new Stamp(mono, mono), NoteLevel.INFO, null, message));
    }

    private static String runStarted() {
        return JournalCodec.toLine(new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, "run-1", "s", "s.yaml",
                "embedded", "host", 2, List.of("g"), ProbeRule.conformance(), Map.of()));
    }

    private record Seen(long line, Event event) {
    }

    private static List<Seen> replay(History history) throws IOException {
        List<Seen> seen = new ArrayList<>();
        history.replay((event, line) -> seen.add(new Seen(line, event)));
        return seen;
    }

    @Test
    void everyReplayReadsTheFileAgainWithEachEventsLine() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, runStarted() + "\n\n" + "{\"type\":\"from-the-future\",\"at\":{\"mono\":1,\"wall\":1}}\n"
                + note(2, "a") + "\n");
        History history = JournalReader.open(file);

        List<Seen> first = replay(history);
        assertThat(first).extracting(Seen::line).as("blank and unknown lines count as lines").containsExactly(1L, 4L);
        assertThat(history.unknownEvents()).isEqualTo(1);
        assertThat(history.truncatedTail()).isFalse();

        Files.writeString(file, note(3, "b") + "\n", StandardOpenOption.APPEND);
        assertThat(replay(history)).as("the file as it is now").extracting(Seen::line).containsExactly(1L, 4L, 5L);
        assertThat(history.events()).hasSize(3);
    }

    @Test
    void aPartialLastLineIsKnownAfterAReplayOrReadForTheQuestion() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, note(1, "a") + "\n{\"type\":\"note\",\"at\":{\"mo");
        assertThat(JournalReader.open(file).truncatedTail()).isTrue();
        History history = JournalReader.open(file);
        assertThat(replay(history)).hasSize(1);
        assertThat(history.truncatedTail()).isTrue();
    }

    @Test
    void aBrokenLineBeforeTheLastIsABrokenJournalNamingFileAndLine() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, runStarted() + "\n" + note(1, "a") + "\ngarbage\n" + note(2, "b") + "\n");
        History history = JournalReader.open(file);
        assertThatThrownBy(() -> replay(history)).isInstanceOf(BrokenJournalException.class)
                .hasMessageStartingWith(file + ":3: not a journal event");
        assertThat(history.runStarted()).as("read up to the run-started event, not to the broken line")
                .get().extracting(Events.RunStarted::runId).isEqualTo("run-1");
    }
}
