package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * What exactly ran, from the versions-recorded events: {@value #RUN} for the harness and the
 * machine (and a cluster's node), then each gateway by name, in journal order. Later records of the
 * same component replace earlier ones.
 */
final class VersionsAnalysis implements Fold {

    /** The key of the harness's and the machine's versions. */
    static final String RUN = "run";

    private final Map<String, Map<String, String>> versions = new LinkedHashMap<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.VersionsRecorded v) {
            versions.computeIfAbsent(v.gateway() == null ? RUN : v.gateway(), k -> new LinkedHashMap<>())
                    .putAll(v.versions());
        }
    }

    Map<String, Map<String, String>> result() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        versions.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return copy;
    }
}
