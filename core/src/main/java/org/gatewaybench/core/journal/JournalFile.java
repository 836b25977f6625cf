package org.gatewaybench.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A history read from a journal file, line by line, again on every replay. */
final class JournalFile implements History {

    private final Path file;
    /** What the last whole replay found; null before the first. */
    private Lines.Found found;

    JournalFile(Path file) {
        this.file = file;
    }

    @Override
    public void replay(Visitor visitor) throws IOException {
        try (Lines lines = new Lines(file)) {
            for (Event e = lines.next(); e != null; e = lines.next()) {
                visitor.visit(e, lines.line);
            }
            found = lines.found();
        }
    }

    @Override
    public boolean truncatedTail() {
        return found().truncatedTail();
    }

    @Override
    public int unknownEvents() {
        return found().unknownEvents();
    }

    @Override
    public Optional<Events.RunStarted> runStarted() throws IOException {
        try (Lines lines = new Lines(file)) {
            for (Event e = lines.next(); e != null; e = lines.next()) {
                if (e instanceof Events.RunStarted r) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    private Lines.Found found() {
        if (found == null) {
            try {
                replay((event, line) -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /**
     * The events of a journal file in order. A partial last line (a crash cut the run short) is
     * skipped and noted; a broken line anywhere else is an error naming the file and line.
     */
    private static final class Lines implements Closeable {

        record Found(boolean truncatedTail, int unknownEvents) {
        }

        private final Path file;
        private final BufferedReader in;
        private String next;
        private long read;
        /** The line of the event {@link #next()} returned last. */
        long line;
        private boolean truncated;
        private int unknown;

        Lines(Path file) throws IOException {
            this.file = file;
            this.in = new BufferedReader(new InputStreamReader(JournalStreams.open(file), StandardCharsets.UTF_8),
                    1 << 16);
            this.next = in.readLine();
        }

        /** The next event, or null at the end. */
        Event next() throws IOException {
            while (next != null) {
                String text = next;
                long number = ++read;
                next = in.readLine();
                if (text.isBlank()) {
                    continue;
                }
                try {
                    Event event = SchemaUpgrade.upgrade(JournalCodec.fromLine(text));
                    if (event == null) {
                        unknown++;
                        continue;
                    }
                    line = number;
                    return event;
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    if (next != null) {
                        throw new BrokenJournalException(file + ":" + number + ": not a journal event: "
                                + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
                    }
                    truncated = true;
                }
            }
            return null;
        }

        Found found() {
            return new Found(truncated, unknown);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
