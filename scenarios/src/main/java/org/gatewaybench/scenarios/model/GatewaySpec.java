package org.gatewaybench.scenarios.model;

import java.util.Map;
import org.gatewaybench.scenarios.rules.GatewayRules;

/** A gateway to compare and the driver options the scenario sets for it (as text, validated by its driver). */
@CheckedBy(GatewayRules.class)
public record GatewaySpec(
        @Field(help = "the gateway driver", required = true, pattern = Names.PATTERN,
                form = "a gateway driver name (see `gateway-bench gateways`)")
        String name,
        @Field(help = "driver options (see `gateway-bench gateways` for each driver's options)")
        Map<String, String> options) {

    public GatewaySpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
