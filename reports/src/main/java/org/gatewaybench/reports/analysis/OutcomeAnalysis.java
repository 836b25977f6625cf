package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RunOutcome;

/** Finds the {@link RunEnding}: the last run-ended event, unless the journal was cut short. */
final class OutcomeAnalysis implements Fold {

    private Events.RunEnded ended;

    @Override
    public void accept(Event e) {
        if (e instanceof Events.RunEnded end) {
            ended = end;
        }
    }

    RunEnding result(boolean truncatedTail) {
        if (truncatedTail) {
            return new RunEnding(RunOutcome.INTERRUPTED, "the journal ends in a partial line");
        }
        if (ended == null) {
            return new RunEnding(RunOutcome.INTERRUPTED, "the journal has no run-ended event");
        }
        return new RunEnding(ended.outcome() == null ? RunOutcome.INTERRUPTED : ended.outcome(), ended.reason());
    }
}
