package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gatewaybench.core.io.SmallFileSystem;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal on a file system that fills up: told once, never thrown at appenders, readable after. */
class JournalDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskEndsTheWritingOnceAndLeavesAReadableJournal() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("small"), "256k")) {
            Path file = fs.root().resolve("journal.jsonl");
            List<IOException> told = new CopyOnWriteArrayList<>();
            int appended = 0;
            try (JournalWriter writer = JournalWriter.create(file)) {
                writer.onFailure(told::add);
                // 20,000 notes of ~100 bytes: 2 MB, far more than 256 KiB.
                for (int i = 0; i < 20_000 && told.isEmpty(); i++) {
                    writer.append(new Events.Note(new Stamp(i, i), NoteLevel.INFO, null, "note " + i));
                    appended++;
                    if (i % 100 == 0) {
                        try {
                            writer.flush();
                        } catch (IOException full) {
                            assertThat(full).isSameAs(told.get(0));
                        }
                    }
                }
                writer.append(new Events.Note(new Stamp(0, 0), NoteLevel.INFO, null, "after the failure"));
                assertThat(writer.failure()).isPresent();
            }
            assertThat(told).hasSize(1);
            assertThat(told.get(0)).hasMessageStartingWith("cannot ")
                    .hasMessageContaining("the journal " + file + ": No space left on device");

            History history = JournalReader.read(file);
            List<String> messages = history.select(Events.Note.class).map(Events.Note::message).toList();
            assertThat(messages).as("complete lines up to the failure, in order").isNotEmpty()
                    .hasSizeLessThan(appended);
            for (int i = 0; i < messages.size(); i++) {
                assertThat(messages.get(i)).isEqualTo("note " + i);
            }
        }
    }
}
