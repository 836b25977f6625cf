package org.gatewaybench.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.io.IoErrors;

/**
 * Reads a journal back. A journal cut short by a crash may end in a partial line: that line is
 * reported in {@link History#truncatedTail()} and skipped. A broken line anywhere else is an error
 * that names the file and line.
 */
public final class JournalReader {

    private JournalReader() {
    }

    public static History read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        boolean truncated = false;
        int skippedUnknown = 0;
        try (BufferedReader in = open(file)) {
            String line = readLine(in, file);
            int number = 0;
            while (line != null) {
                number++;
                String next = readLine(in, file);
                if (!line.isBlank()) {
                    try {
                        Event event = SchemaUpgrade.upgrade(JournalCodec.fromLine(line));
                        if (event == null) {
                            skippedUnknown++;
                        } else {
                            events.add(event);
                        }
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        if (next != null) {
                            throw new IOException(file + ":" + number + ": not a journal event: "
                                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
                        }
                        truncated = true;
                    }
                }
                line = next;
            }
        }
        return new History(List.copyOf(events), truncated, skippedUnknown);
    }

    private static BufferedReader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw IoErrors.named("read the journal", file, e);
        }
    }

    private static String readLine(BufferedReader in, Path file) throws IOException {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw IoErrors.named("read the journal", file, e);
        }
    }
}
