package org.gatewaybench.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteKeyTest {

    @Test
    void parsesWhatItPrints() {
        RouteKey key = new RouteKey("t0003", "r00042");
        assertThat(RouteKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void refusesNamesThatAreNotDnsLabels() {
        assertThatThrownBy(() -> new RouteKey("Tenant_1", "r")).hasMessageContaining("tenant");
        assertThatThrownBy(() -> RouteKey.parse("no-slash")).hasMessageContaining("tenant/name");
    }
}
