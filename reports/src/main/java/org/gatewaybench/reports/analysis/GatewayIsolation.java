package org.gatewaybench.reports.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.isolation.IsolationCheck;

/**
 * The isolation checks of one gateway, in the order they ran, and the settings the gateway reported
 * for them (version, snippet annotations, risk level). Empty when the run had no isolation section.
 */
public record GatewayIsolation(Map<String, String> settings, List<CheckOutcome> checks) {

    public GatewayIsolation {
        settings = Map.copyOf(settings);
        checks = List.copyOf(checks);
    }

    public boolean ran() {
        return !checks.isEmpty();
    }

    /** The last outcome of {@code check}, if it ran. */
    public Optional<CheckOutcome> of(IsolationCheck check) {
        Optional<CheckOutcome> found = Optional.empty();
        for (CheckOutcome c : checks) {
            if (c.check() == check) {
                found = Optional.of(c);
            }
        }
        return found;
    }
}
