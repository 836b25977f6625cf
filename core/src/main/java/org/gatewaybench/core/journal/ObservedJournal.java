package org.gatewaybench.core.journal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A journal that lets components watch what others append: every event goes to the delegate and
 * then to each listener, on the appending thread. The long-connection probe listens for config
 * applies this way, so that each drop names the last change before it while the run goes on.
 *
 * <p>Listeners must be quick and must not block. A listener that throws is reported as a Note in
 * the delegate and does not stop the append or the other listeners.
 */
public final class ObservedJournal implements Journal {

    private final Journal delegate;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    public ObservedJournal(Journal delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Calls {@code listener} with every later event; closing the handle stops it. */
    public AutoCloseable listen(Consumer<Event> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void append(Event event) {
        delegate.append(event);
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                delegate.append(new Events.Note(event.at(), NoteLevel.ERROR, null,
                        "journal listener failed on " + event.getClass().getSimpleName() + ": " + e));
            }
        }
    }
}
