package org.gatewaybench.core.isolation;

import org.gatewaybench.core.Word;

/** Which tenant of an isolation check wrote a route. */
public enum Actor implements Word {
    /** Tenant A, whose traffic is watched. */
    VICTIM,
    /** Tenant B, who tries to take, break, read or slow A's traffic. */
    ATTACKER,
    /** A quiet tenant whose route writes are timed (blast radius, noisy neighbour) or serve as barriers. */
    BYSTANDER;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
