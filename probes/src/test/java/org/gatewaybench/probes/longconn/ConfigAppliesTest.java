package org.gatewaybench.probes.longconn;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

class ConfigAppliesTest {

    @Test
    void findsTheAppliesAroundAMomentOfItsOwnGatewayOnly() {
        ConfigApplies applies = new ConfigApplies("g");
        for (int i = 1; i <= 100; i++) {
            applies.observe(new Events.ConfigApplyStarted(new Stamp(i * 10L, 0), "g", i, "reload", i, 1));
            applies.observe(new Events.ConfigApplyStarted(new Stamp(i * 10L + 5, 0), "other", 1000 + i, "x", i, 1));
        }
        assertThat(applies.lastAtOrBefore(5)).isNull();
        assertThat(applies.lastAtOrBefore(10).id()).isEqualTo(1);
        assertThat(applies.lastAtOrBefore(559).id()).isEqualTo(55);
        assertThat(applies.firstAfter(550).id()).isEqualTo(56);
        assertThat(applies.firstAfter(1000)).isNull();
        assertThat(applies.countBetween(100, 200)).isEqualTo(10);
        assertThat(applies.lastAtOrBefore(999).mechanism()).isEqualTo("reload");
    }
}
