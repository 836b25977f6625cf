package org.gatewaybench.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The events of one run, in journal order: what every analysis takes as its only input. A history
 * is replayed, not held: one read from a journal file ({@link JournalReader#open}) reads the file
 * again on every replay, so analysing a journal takes memory for the figures, not for the events.
 * {@link #of} holds events in memory, for tests and small tools.
 */
public interface History {

    /** Takes the events of one replay. */
    @FunctionalInterface
    interface Visitor {
        /**
         * One event.
         *
         * @param line where it stands: its line in the journal file, or its position (from 1) in memory
         */
        void visit(Event event, long line);
    }

    /**
     * Feeds every event to {@code visitor}, in journal order. An exception of the visitor ends the
     * replay and is thrown on.
     *
     * @throws BrokenJournalException when the journal holds a broken line before its last (the
     *     message names the file and the line)
     * @throws IOException when the journal cannot be read
     */
    void replay(Visitor visitor) throws IOException;

    /**
     * Whether the journal ends in a partial line (the run was cut short); that line is no event. A
     * history from a file knows this after its first replay and reads the file once to answer earlier.
     */
    boolean truncatedTail();

    /** Lines of event types this version does not know, skipped; known like {@link #truncatedTail()}. */
    int unknownEvents();

    /** The first run-started event: the run's facts and its probe rule. Reads no further than it. */
    Optional<Events.RunStarted> runStarted() throws IOException;

    /** Every event, in memory: for tests and small tools. Analyses {@link #replay} instead. */
    default List<Event> events() {
        List<Event> events = new ArrayList<>();
        try {
            replay((event, line) -> events.add(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** The events of one type, in order; in memory like {@link #events()}. */
    default <E extends Event> Stream<E> select(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast);
    }

    /** The last run-ended event; in memory like {@link #events()}. */
    default Optional<Events.RunEnded> runEnded() {
        return select(Events.RunEnded.class).reduce((first, second) -> second);
    }

    static History of(List<Event> events) {
        return of(events, false, 0);
    }

    /** Events in memory, with what reading them found about the journal they came from. */
    static History of(List<Event> events, boolean truncatedTail, int unknownEvents) {
        return new EventList(List.copyOf(events), truncatedTail, unknownEvents);
    }
}
