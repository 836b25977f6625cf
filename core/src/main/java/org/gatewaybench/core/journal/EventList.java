package org.gatewaybench.core.journal;

import java.util.List;
import java.util.Optional;

/** A history held in memory. */
record EventList(List<Event> events, boolean truncatedTail, int unknownEvents) implements History {

    @Override
    public void replay(Visitor visitor) {
        for (int i = 0; i < events.size(); i++) {
            visitor.visit(events.get(i), i + 1);
        }
    }

    @Override
    public Optional<Events.RunStarted> runStarted() {
        return select(Events.RunStarted.class).findFirst();
    }
}
