package org.gatewaybench.gateways.kubernetes;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.IsolationProfile;

/**
 * What a Helm driver declares for the isolation probe, from its chart and controller at the pinned
 * versions: how each check applies, the control endpoints, where a canary file can be planted, and
 * the settings worth recording.
 *
 * @param canary     where snippet-injection plants its file, or null when the check does not apply
 * @param settings   isolation-relevant facts of the install (chart defaults the driver keeps)
 * @param configMap  the controller's ConfigMap whose keys are read at run time, or null
 * @param configKeys keys of that ConfigMap, each with the controller's default when it is absent
 */
public record IsolationFacts(IsolationProfile profile, List<ClusterEndpoint> endpoints, Canary canary,
                             Map<String, String> settings, String configMap, Map<String, String> configKeys) {

    /** A file in a container of the pods {@code podSelector} selects, written through exec. */
    public record Canary(String podSelector, String path) {
    }

    public IsolationFacts {
        endpoints = List.copyOf(endpoints);
        settings = Map.copyOf(settings);
        configKeys = Map.copyOf(configKeys);
    }
}
