package org.gatewaybench.probes.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

    @Test
    void defaultsRequireThreeSuccessesInARow() {
        assertThat(ProbeSettings.defaults().requiredSuccesses()).isEqualTo(3);
        assertThat(ProbeSettings.defaults().withPollInterval(Duration.ofMillis(2)).pollInterval())
                .isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void badValuesAreRefusedWithWhatWasExpected() {
        ProbeSettings d = ProbeSettings.defaults();
        assertThatThrownBy(() -> d.withPollInterval(Duration.ZERO))
                .hasMessage("probe pollInterval must be a positive duration, found PT0S");
        assertThatThrownBy(() -> d.withTimeout(null))
                .hasMessage("probe timeout is missing; expected a positive duration");
        assertThatThrownBy(() -> d.withMaxRequestsPerSecond(0))
                .hasMessage("probe maxRequestsPerSecond must be >= 1, found 0");
        assertThatThrownBy(() -> d.withConnections(0))
                .hasMessage("probe connections must be within 1..10000, found 0");
        assertThatThrownBy(() -> new ProbeSettings(Duration.ofMillis(1), 0, Duration.ofSeconds(1), 1, 1,
                Duration.ofSeconds(1))).hasMessage("probe requiredSuccesses must be >= 1, found 0");
    }
}
