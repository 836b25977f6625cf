package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.History;

/**
 * How the run ended: {@code completed}, {@code interrupted} or {@code failed}, and why.
 * A journal without RunEnded, or one that ends in a partial line, is {@code interrupted}.
 */
public record RunOutcome(String status, String reason) {

    public static final String COMPLETED = "completed";
    public static final String INTERRUPTED = "interrupted";

    public static RunOutcome of(History history) {
        if (history.truncatedTail()) {
            return new RunOutcome(INTERRUPTED, "the journal ends in a partial line");
        }
        return history.runEnded()
                .map(end -> new RunOutcome(end.outcome() == null ? INTERRUPTED : end.outcome(), end.reason()))
                .orElseGet(() -> new RunOutcome(INTERRUPTED, "the journal has no run-ended event"));
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
