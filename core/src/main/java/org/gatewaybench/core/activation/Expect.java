package org.gatewaybench.core.activation;

import org.gatewaybench.core.Word;
import org.gatewaybench.core.route.OpKind;

/** The state a route is expected to reach on the data plane after a write. */
public enum Expect implements Word {
    /** After a create or an update: the route's backend answers. */
    PRESENT,
    /** After a delete: the gateway answers 404. */
    ABSENT;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }

    /** What a write of {@code kind} should lead to: absent after a delete, present otherwise. */
    public static Expect after(OpKind kind) {
        return kind == OpKind.DELETE ? ABSENT : PRESENT;
    }
}
