package org.gatewaybench.reports.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * Collects the {@link RunVersions}: every versions-recorded event, later ones adding to earlier.
 * A gateway without one (journals before lab gateways recorded theirs) takes the version its
 * gateway-started details name.
 */
final class VersionsAnalysis implements Fold {

    private final Map<String, String> run = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> gateways = new LinkedHashMap<>();
    private final Map<String, String> started = new LinkedHashMap<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.VersionsRecorded v) {
            if (v.gateway() == null) {
                run.putAll(v.versions());
            } else {
                gateways.computeIfAbsent(v.gateway(), g -> new LinkedHashMap<>()).putAll(v.versions());
            }
        } else if (e instanceof Events.GatewayStarted s && s.details() != null && s.details().containsKey("version")) {
            started.putIfAbsent(s.gateway(), s.details().get("version"));
        }
    }

    RunVersions result() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        started.forEach((g, version) -> all.put(g, Map.of("version", version)));
        gateways.forEach((g, parts) -> all.put(g, Map.copyOf(parts)));
        return new RunVersions(run, all);
    }
}
