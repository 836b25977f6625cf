package org.gatewaybench.scenarios.model;

import java.util.Map;

/** A gateway to compare and the driver options the scenario sets for it (as text, validated). */
public record GatewaySpec(String name, Map<String, String> options) {

    public GatewaySpec {
        options = Map.copyOf(options);
    }
}
