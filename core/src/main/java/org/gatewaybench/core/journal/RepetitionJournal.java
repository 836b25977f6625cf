package org.gatewaybench.core.journal;

import java.util.Objects;
import org.gatewaybench.core.Records;

/**
 * The journal of one repetition of a gateway: the events of that gateway go to the run's journal
 * under the repetition's name ({@link Repetition#journalName}); every other event goes as it is.
 * Drivers, probes and companions keep using the driver name, and listeners of a journal in front
 * of this one see the events as they were appended.
 */
public final class RepetitionJournal implements Journal {

    private final Journal delegate;
    private final String gateway;
    private final String journalName;

    /** Appends to {@code delegate}, naming the events of {@code gateway} {@code journalName}. */
    public RepetitionJournal(Journal delegate, String gateway, String journalName) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journalName = Objects.requireNonNull(journalName, "journalName");
    }

    @Override
    public void append(Event event) {
        if (!gateway.equals(journalName) && event instanceof GatewayEvent g && gateway.equals(g.gateway())) {
            delegate.append(renamed(g, journalName));
        } else {
            delegate.append(event);
        }
    }

    /** {@code event} with {@code name} as its gateway and every other field the same. */
    static GatewayEvent renamed(GatewayEvent event, String name) {
        return (GatewayEvent) Records.with((Record) event, "gateway", name);
    }
}
