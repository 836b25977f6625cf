package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/** Finds the {@link RunFacts}: the first run-started, the journal's first and last moment, its events. */
final class FactsAnalysis implements Fold {

    private Events.RunStarted started;
    private long events;
    private long firstWall;
    private long firstMono;
    private long lastMono;

    @Override
    public void accept(Event e) {
        if (events++ == 0) {
            firstWall = e.at().wall();
            firstMono = e.at().mono();
        }
        lastMono = e.at().mono();
        if (started == null && e instanceof Events.RunStarted r) {
            started = r;
        }
    }

    RunFacts result(RunLayout layout, int requiredSuccesses, boolean truncatedTail, int unknownEvents) {
        Events.RunStarted r = started;
        return new RunFacts(r == null ? null : r.runId(), r == null ? null : r.scenario(),
                r == null ? null : r.scenarioFile(), r == null ? null : r.fixture(), r == null ? null : r.host(),
                r == null ? 0 : r.cores(), r == null ? 0 : r.schema(), layout.gateways(), events == 0 ? 0 : firstWall,
                events == 0 ? 0 : RunLayout.seconds(lastMono - firstMono), requiredSuccesses, events, truncatedTail,
                unknownEvents, r == null ? null : r.settings());
    }

    /** Whether the journal has a run-started event. */
    boolean hasRunStarted() {
        return started != null;
    }
}
