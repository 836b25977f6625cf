package org.gatewaybench.core.journal;

import org.gatewaybench.core.Word;

/** The parts of the harness that journal falling behind their schedule. */
public enum HarnessComponent implements Word {
    /** The churn engine: writes left later than scheduled. */
    CHURN,
    /** The activation probe: polls left later than due. */
    ACTIVATION_PROBE;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
