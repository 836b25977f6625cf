package org.gatewaybench.core.route;

import org.gatewaybench.core.Word;

/** The three route writes the churn sends and the route API acknowledges. */
public enum OpKind implements Word {
    CREATE,
    UPDATE,
    DELETE;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
