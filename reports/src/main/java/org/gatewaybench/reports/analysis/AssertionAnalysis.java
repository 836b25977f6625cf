package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * The scenario's assertions as the runner judged them at the end of each gateway's run, in journal
 * order. The verdicts are the journal's, not judged again: they are what the run's exit code said.
 */
final class AssertionAnalysis implements Fold {

    private final List<Events.AssertionEvaluated> evaluated = new ArrayList<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.AssertionEvaluated a) {
            evaluated.add(a);
        }
    }

    List<Events.AssertionEvaluated> result() {
        return List.copyOf(evaluated);
    }
}
