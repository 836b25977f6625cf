package org.gatewaybench.reports.analysis;

import java.util.List;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.History;

/**
 * What a run was: from its RunStarted event (fields are null or 0 when the journal has none)
 * and the journal's shape.
 *
 * @param startedWallMillis wall clock of the first event, 0 for an empty journal
 * @param durationSeconds   from the first to the last event of the journal
 * @param requiredSuccesses OK answers in a row that made a route active
 */
public record RunFacts(String runId, String scenario, String scenarioFile, String fixture, String host, int cores,
                       int schema, List<String> gateways, long startedWallMillis, double durationSeconds,
                       int requiredSuccesses, long journalEvents, boolean truncatedTail, int unknownEvents) {

    public RunFacts {
        gateways = List.copyOf(gateways);
    }

    static RunFacts of(History history, RunLayout layout, int requiredSuccesses) {
        List<Event> events = history.events();
        long wall = events.isEmpty() ? 0 : events.get(0).at().wall();
        double duration = events.isEmpty() ? 0
                : RunLayout.seconds(events.get(events.size() - 1).at().mono() - events.get(0).at().mono());
        var started = history.runStarted();
        return new RunFacts(
                started.map(r -> r.runId()).orElse(null),
                started.map(r -> r.scenario()).orElse(null),
                started.map(r -> r.scenarioFile()).orElse(null),
                started.map(r -> r.fixture()).orElse(null),
                started.map(r -> r.host()).orElse(null),
                started.map(r -> r.cores()).orElse(0),
                started.map(r -> r.schema()).orElse(0),
                layout.gateways(), wall, duration, requiredSuccesses, events.size(), history.truncatedTail(),
                history.unknownEvents());
    }
}
