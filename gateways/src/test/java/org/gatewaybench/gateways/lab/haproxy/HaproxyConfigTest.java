package org.gatewaybench.gateways.lab.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

    @Test
    void theAdminSocketStaysInAShortWorkFolder() {
        HaproxyConfig config = new HaproxyConfig(Path.of("/tmp/run/gw"), 8080, List.of());
        assertThat(config.adminSocket()).isEqualTo(Path.of("/tmp/run/gw/admin.sock"));
        assertThat(config.render()).contains("stats socket /tmp/run/gw/admin.sock level admin");
    }

    @Test
    void aDeepWorkFolderGetsASocketPathHaproxyAccepts() {
        Path deep = Path.of("/tmp/junit-4668822819260784811/runs/lab-activation-20261126-033441/gateways/"
                + "lab-haproxy-runtime");
        HaproxyConfig config = new HaproxyConfig(deep, 8080, List.of());
        assertThat(config.adminSocket().toString()).hasSizeLessThanOrEqualTo(HaproxyConfig.MAX_SOCKET_PATH)
                .endsWith(".sock");
        assertThat(config.adminSocket()).as("stable for the same folder")
                .isEqualTo(new HaproxyConfig(deep, 9090, List.of()).adminSocket());
        assertThat(config.adminSocket()).isNotEqualTo(new HaproxyConfig(deep.resolveSibling("other-haproxy"), 8080,
                List.of()).adminSocket());
    }
}
