package org.gatewaybench.core.journal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The events of one run, in journal order: what every analysis takes as its only input.
 *
 * @param truncatedTail the journal ended in a partial line (the run was cut short)
 * @param unknownEvents lines of event types this version does not know, skipped
 */
public record History(List<Event> events, boolean truncatedTail, int unknownEvents) {

    public static History of(List<Event> events) {
        return new History(List.copyOf(events), false, 0);
    }

    /** The events of one type, in order. */
    public <E extends Event> Stream<E> select(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    public Optional<Events.RunStarted> runStarted() {
        return select(Events.RunStarted.class).findFirst();
    }

    public Optional<Events.RunEnded> runEnded() {
        return select(Events.RunEnded.class).reduce((a, b) -> b);
    }
}
