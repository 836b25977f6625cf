package org.gatewaybench.gateways;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A fault in force. Healing it twice does nothing the second time. */
public interface Fault {

    /** What was done, for the journal: signals, process ids, limits. */
    String detail();

    /**
     * Ends the fault (restart, resume, restore) and returns what was done; throws a
     * {@link GatewayException} when the heal failed.
     */
    String heal();

    /** A fault described by {@code detail} whose {@code heal} runs once; later heals say "already healed". */
    static Fault once(String detail, Supplier<String> heal) {
        AtomicBoolean healed = new AtomicBoolean();
        return new Fault() {
            @Override
            public String detail() {
                return detail;
            }

            @Override
            public String heal() {
                return healed.compareAndSet(false, true) ? heal.get() : "already healed";
            }
        };
    }
}
