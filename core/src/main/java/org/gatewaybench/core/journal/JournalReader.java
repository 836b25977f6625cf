package org.gatewaybench.core.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a journal back, plain or gzip-compressed (see {@link JournalWriter}). A journal cut short by a crash may end in a partial line: that line is
 * reported in {@link History#truncatedTail()} and skipped. A broken line anywhere else is an error
 * that names the file and line.
 */
public final class JournalReader {

    /** The journal of a run folder, compressed as it is written. */
    public static final String NAME = "journal.jsonl.gz";
    /** The journal of a run folder written before journals were compressed. */
    public static final String PLAIN_NAME = "journal.jsonl";

    private JournalReader() {
    }

    /** The journal of {@code runDir}: {@value #NAME}, or {@value #PLAIN_NAME} of an older run; empty when neither is there. */
    public static Optional<Path> in(Path runDir) {
        return Stream.of(NAME, PLAIN_NAME).map(runDir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The journal as a history that reads {@code file} on every replay and holds none of its
     * events: what the analyses take, for journals of any size. Nothing is read yet.
     */
    public static History open(Path file) {
        return new JournalFile(file);
    }

    /** Every event of {@code file} in memory: for tests and small tools. */
    public static History read(Path file) throws IOException {
        History journal = open(file);
        List<Event> events = new ArrayList<>();
        journal.replay((event, line) -> events.add(event));
        return History.of(events, journal.truncatedTail(), journal.unknownEvents());
    }
}
