package org.gatewaybench.reports.analysis;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What exactly ran, from the journal's versions-recorded events: the harness and the machine (and
 * a cluster's node), and each gateway's parts (its binary in the lab, chart and images in clusters).
 *
 * @param run      component to version, for the whole run
 * @param gateways per gateway, component to version
 */
public record RunVersions(Map<String, String> run, Map<String, Map<String, String>> gateways) {

    public RunVersions {
        run = Map.copyOf(run);
        gateways = Map.copyOf(gateways);
    }

    /** Component to version of {@code gateway}; empty when none was recorded. */
    public Map<String, String> of(String gateway) {
        return gateways.getOrDefault(gateway, Map.of());
    }

    /**
     * The gateway's version in one line: its chart when it has one, else each part's version
     * ("haproxy 2.6.12", and "nginx/1.22.1" as nginx names itself); null when unknown.
     */
    public String summary(String gateway) {
        Map<String, String> parts = of(gateway);
        if (parts.containsKey("chart")) {
            return parts.get("chart");
        }
        return parts.isEmpty() ? null : parts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().startsWith(e.getKey()) ? e.getValue() : e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
