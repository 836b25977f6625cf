package org.gatewaybench.gateways;

import java.util.List;
import java.util.Optional;

/** Every gateway driver the harness knows, by name. */
public final class GatewayCatalog {

    private static final List<GatewayDriver> DRIVERS = List.of(
    );

    private GatewayCatalog() {
    }

    public static List<GatewayDriver> all() {
        return DRIVERS;
    }

    public static Optional<GatewayDriver> find(String name) {
        return DRIVERS.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
