package org.gatewaybench.core.journal;

import java.util.ArrayList;
import java.util.List;

/** A journal in memory, for tests of components that write events. Shared as the core test-jar. */
public final class RecordingJournal implements Journal {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void append(Event event) {
        events.add(event);
    }

    /** A copy of everything appended so far. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public History history() {
        return History.of(events());
    }
}
