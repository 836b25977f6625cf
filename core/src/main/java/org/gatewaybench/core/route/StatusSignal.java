package org.gatewaybench.core.route;

import org.gatewaybench.core.Word;

/**
 * The secondary signals a cluster gives about a route object, recorded beside the data-plane probe
 * and never instead of it.
 */
public enum StatusSignal implements Word {
    /** An Ingress's status.loadBalancer addresses, joined by commas. */
    INGRESS_ADDRESS,
    /** An HTTPRoute parent's Accepted condition. */
    ACCEPTED,
    /** An HTTPRoute parent's ResolvedRefs condition. */
    RESOLVED_REFS;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
