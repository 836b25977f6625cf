package org.gatewaybench.core.fault;

import org.gatewaybench.core.Word;

/** What a fault hits: the gateway's controller, its data plane, or the node both run on. */
public enum FaultTarget implements Word {
    CONTROLLER,
    DATA_PLANE,
    NODE;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
