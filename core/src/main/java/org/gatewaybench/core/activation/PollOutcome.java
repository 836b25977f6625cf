package org.gatewaybench.core.activation;

import org.gatewaybench.core.Word;

/**
 * How one probe answer counts. OK: the answer expected (the route's backend for a present route,
 * 404 for an absent one). NOT_YET: the gateway has not caught up (404 for a present route, the old
 * backend for an absent one). ERROR: anything else: 5xx, reset, timeout, a wrong backend.
 */
public enum PollOutcome implements Word {
    OK, NOT_YET, ERROR;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
