package org.gatewaybench.core.isolation;

import org.gatewaybench.core.Word;

/** Where in its procedure an isolation check wrote or asked: the judges compare answers by stage. */
public enum Stage implements Word {
    /** A's route goes live before B does anything. */
    SETUP,
    /** The baseline: other tenants' writes timed before B acts. */
    BEFORE,
    /** While B's route (or storm) exists. */
    DURING,
    /** After B deleted what it wrote. */
    AFTER,
    /** A's new host, created while B's wildcard exists, before it is live. */
    PENDING,
    /** A's host just deleted while B's wildcard exists. */
    DELETED,
    /** Removing what the check created; not judged. */
    CLEANUP;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
