package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.RunOutcome;

/**
 * How the run ended and why. A journal without run-ended, or one that ends in a partial line,
 * was interrupted.
 */
public record RunEnding(RunOutcome status, String reason) {

    public static RunEnding of(History history) {
        if (history.truncatedTail()) {
            return new RunEnding(RunOutcome.INTERRUPTED, "the journal ends in a partial line");
        }
        return history.runEnded()
                .map(end -> new RunEnding(end.outcome() == null ? RunOutcome.INTERRUPTED : end.outcome(), end.reason()))
                .orElseGet(() -> new RunEnding(RunOutcome.INTERRUPTED, "the journal has no run-ended event"));
    }

    public boolean completed() {
        return status == RunOutcome.COMPLETED;
    }
}
