package org.gatewaybench.core.journal;

import org.gatewaybench.core.Word;

/** How a run ended, as its last journal event says. */
public enum RunOutcome implements Word {
    /** Every gateway ran its whole schedule. */
    COMPLETED,
    /** The run stopped on an error (the journal's notes say which). */
    FAILED,
    /** Stopped by a signal (Ctrl-C), or cut short: the journal ends without a run-ended event. */
    INTERRUPTED;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
