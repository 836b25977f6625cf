package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.zip.GZIPInputStream;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal compressed as it is written: each flush a complete gzip member, read back up to a crash's cut. */
class CompressedJournalTest {

    @TempDir
    Path dir;

    private static Events.Note note(long i) {
        return new Events.Note(new Stamp(i, i), NoteLevel.INFO, "lab-nginx-reload", "note number " + i
                + " with text that repeats, as journal lines do: route t0001/r0000" + i % 7);
    }

    /** 3 flushes of 400 notes: 3 gzip members. */
    private Path written() throws IOException {
        Path file = dir.resolve(JournalReader.NAME);
        try (JournalWriter writer = JournalWriter.create(file)) {
            for (int i = 0; i < 1200; i++) {
                writer.append(note(i));
                if (i % 400 == 399) {
                    writer.flush();
                }
            }
        }
        return file;
    }

    @Test
    void aGzFileIsWrittenCompressedAndReadBackWhole() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        try (GZIPInputStream gzip = new GZIPInputStream(Files.newInputStream(file))) {
            int plain = gzip.readAllBytes().length;
            assertThat(bytes.length).as("compressed size against %d plain bytes", plain).isLessThan(plain / 5);
        }
        History history = JournalReader.read(file);
        assertThat(history.events()).hasSize(1200).last().isEqualTo(note(1199));
        assertThat(history.truncatedTail()).isFalse();
    }

    @Test
    void aCrashCutInTheLastMemberLeavesEverythingFlushedBeforeIt() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 200));

        History history = JournalReader.read(cut);
        assertThat(history.events().size()).as("the first two flushes whole, part of the third")
                .isBetween(800, 1199);
        assertThat(history.events().subList(0, 800)).isEqualTo(LongStream.range(0, 800)
                .mapToObj(CompressedJournalTest::note).toList());
    }

    @Test
    void damageBeforeTheEndIsABrokenJournalNotACut() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 40; i < 80; i++) {
            bytes[i] = (byte) ~bytes[i]; // inside the first member's compressed data
        }
        Path damaged = dir.resolve("damaged.jsonl.gz");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> JournalReader.read(damaged)).isInstanceOf(BrokenJournalException.class)
                .hasMessageContaining(damaged + ": the compressed journal is damaged");
    }

    @Test
    void aPlainNameIsWrittenPlain() throws IOException {
        Path file = dir.resolve(JournalReader.PLAIN_NAME);
        try (JournalWriter writer = JournalWriter.create(file)) {
            writer.append(note(1));
        }
        assertThat(Files.readString(file)).isEqualTo(JournalCodec.toLine(note(1)) + "\n");
        assertThat(JournalReader.in(dir)).contains(file);
    }
}
