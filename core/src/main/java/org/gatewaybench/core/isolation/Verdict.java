package org.gatewaybench.core.isolation;

import org.gatewaybench.core.Word;

/** How one isolation check ended for one gateway, judged from what the data plane answered. */
public enum Verdict implements Word {
    /** A's traffic was not affected by what B did. */
    HELD,
    /** B's write was rejected at the API or its route reported not accepted, and A was not affected. */
    REFUSED,
    /** A's traffic or data reached B, or was changed by B. */
    VIOLATED,
    /** A was slowed beyond the scenario's bound. */
    DEGRADED,
    /** The gateway has no such feature (the reason says which). */
    NOT_APPLICABLE,
    /**
     * The check could not judge: its own setup failed (A's route never went live, a barrier route
     * never activated, too few samples). Not a verdict on the gateway's isolation.
     */
    INCONCLUSIVE;

    /** Whether the verdict is a finding against the gateway: violated or degraded. */
    public boolean finding() {
        return this == VIOLATED || this == DEGRADED;
    }

    /** Whether the verdict says the gateway kept A safe: held or refused. */
    public boolean safe() {
        return this == HELD || this == REFUSED;
    }

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
