package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a run was: from its RunStarted event (fields are null or 0 when the journal has none)
 * and the journal's shape.
 *
 * @param startedWallMillis wall clock of the first event, 0 for an empty journal
 * @param durationSeconds   from the first to the last event of the journal
 * @param requiredSuccesses OK answers in a row that made a route active
 * @param settings          the scenario as run, nested as in its file (empty without run-started)
 */
public record RunFacts(String runId, String scenario, String scenarioFile, String fixture, String host, int cores,
                       int schema, List<String> gateways, long startedWallMillis, double durationSeconds,
                       int requiredSuccesses, long journalEvents, boolean truncatedTail, int unknownEvents,
                       Map<String, Object> settings) {

    public RunFacts {
        gateways = List.copyOf(gateways);
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(settings);
    }
}
