package org.gatewaybench.core.route;

import org.gatewaybench.core.Word;

/**
 * Why a route API refused a write, as far as it says. The admission classes are the gateway's
 * findings (its webhook judged or failed the write), the others are the API's or the harness's.
 */
public enum Refusal implements Word {
    /** The gateway's admission webhook denied the write (HTTP 400, "denied the request"). */
    ADMISSION_DENIED,
    /** Calling the gateway's admission webhook failed or timed out (HTTP 500, "failed calling webhook"). */
    ADMISSION_UNAVAILABLE,
    /** The API refused the object itself (HTTP 422 and other 4xx). */
    INVALID,
    /** Still in conflict or throttled after the retries (HTTP 409, 429). */
    CONTENDED,
    /** Anything else: the API unreachable, a server error, a store of the lab refusing. */
    OTHER;

    /** Whether the gateway under test caused the refusal (its admission webhook), rather than the API or the harness. */
    public boolean gatewaysFinding() {
        return this == ADMISSION_DENIED || this == ADMISSION_UNAVAILABLE;
    }

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
