package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/** The evidence a run collected when something failed ({@code diagnostics/}), in journal order. */
final class DiagnosticsAnalysis implements Fold {

    private final List<Events.DiagnosticsCollected> collected = new ArrayList<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.DiagnosticsCollected d) {
            collected.add(d);
        }
    }

    List<Events.DiagnosticsCollected> result() {
        return List.copyOf(collected);
    }
}
