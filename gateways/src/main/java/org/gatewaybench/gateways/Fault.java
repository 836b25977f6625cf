package org.gatewaybench.gateways;

/** A fault in force. Healing it twice does nothing the second time. */
public interface Fault {

    /** What was done, for the journal: signals, process ids, limits. */
    String detail();

    /**
     * Ends the fault (restart, resume, restore) and returns what was done; throws a
     * {@link GatewayException} when the heal failed.
     */
    String heal();
}
