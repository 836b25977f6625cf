package org.gatewaybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A record copied with one component replaced keeps every other and goes through its checks. */
class RecordsTest {

    record Tenant(String name, int routes, List<String> hosts) {
        Tenant {
            if (routes < 0) {
                throw new IllegalArgumentException("routes < 0");
            }
        }
    }

    private final Tenant tenant = new Tenant("t0001", 3, List.of("a.example"));

    @Test
    void oneComponentIsReplacedAndTheOthersKept() {
        assertThat(Records.with(tenant, "routes", 7)).isEqualTo(new Tenant("t0001", 7, List.of("a.example")));
        assertThat(Records.with(tenant, "name", "t0002")).isEqualTo(new Tenant("t0002", 3, List.of("a.example")));
        assertThat(tenant.routes()).as("the original stays").isEqualTo(3);
    }

    @Test
    void theCanonicalConstructorsChecksRunAndAnUnknownComponentIsNamed() {
        assertThatThrownBy(() -> Records.with(tenant, "routes", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routes < 0");
        assertThatThrownBy(() -> Records.with(tenant, "route", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Tenant has no component 'route'");
    }
}
