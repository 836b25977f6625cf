package org.gatewaybench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendMainTest {

    @Test
    void takesTheIdFromTheEnvironmentUnlessGiven() {
        assertThat(BackendMain.Options.parse(new String[] {"--port", "9000"}, "from-env"))
                .isEqualTo(new BackendMain.Options("from-env", "0.0.0.0", 9000));
        assertThat(BackendMain.Options.parse(new String[] {"--id", "b3", "--bind", "127.0.0.1"}, "from-env"))
                .isEqualTo(new BackendMain.Options("b3", "127.0.0.1", 8080));
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        assertThatThrownBy(() -> BackendMain.Options.parse(new String[] {}, null))
                .hasMessage("no backend id: give --id or set BACKEND_ID");
        assertThatThrownBy(() -> BackendMain.Options.parse(new String[] {"--id", "b", "--port", "http"}, null))
                .hasMessage("--port: expected a number from 0 to 65535, found 'http'");
        assertThatThrownBy(() -> BackendMain.Options.parse(new String[] {"--id", "b", "--verbose", "x"}, null))
                .hasMessageContaining("unknown option '--verbose'");
        assertThatThrownBy(() -> BackendMain.Options.parse(new String[] {"--id"}, null))
                .hasMessage("missing value after --id");
    }
}
