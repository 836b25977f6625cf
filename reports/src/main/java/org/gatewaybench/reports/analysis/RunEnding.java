package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.RunOutcome;

/**
 * How the run ended and why. A journal without run-ended, or one that ends in a partial line,
 * was interrupted.
 */
public record RunEnding(RunOutcome status, String reason) {

    public boolean completed() {
        return status == RunOutcome.COMPLETED;
    }
}
