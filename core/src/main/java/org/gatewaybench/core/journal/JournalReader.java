package org.gatewaybench.core.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal back. A journal cut short by a crash may end in a partial line: that line is
 * reported in {@link History#truncatedTail()} and skipped. A broken line anywhere else is an error
 * that names the file and line.
 */
public final class JournalReader {

    private JournalReader() {
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
