package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gatewaybench.core.io.SmallFileSystem;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A journal on a file system that fills up: told once, never thrown at appenders, readable after. */
class JournalDiskFullTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {JournalReader.NAME, JournalReader.PLAIN_NAME})
    void aFullDiskEndsTheWritingOnceAndLeavesAReadableJournal(String name) throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("small"), "64k")) {
            Path file = fs.root().resolve(name);
            List<IOException> told = new CopyOnWriteArrayList<>();
            int appended = 0;
            try (JournalWriter writer = JournalWriter.create(file)) {
                writer.onFailure(told::add);
                // Up to 200,000 notes of ~100 bytes: 20 MB, far more than 64 KiB also compressed (each
                // carries a number that does not repeat, so gzip cannot shrink them to nothing).
                for (int i = 0; i < 200_000 && told.isEmpty(); i++) {
                    writer.append(new Events.Note(new Stamp(i, i), NoteLevel.INFO, null,
                            "note " + i + " " + Long.toHexString(i * 0x9E3779B97F4A7C15L)));
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
                assertThat(messages.get(i)).startsWith("note " + i + " ");
            }
        }
    }
}
