package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.gatewaybench.core.preflight.Check;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The doctor's network checks against a server on loopback that answers as a chart repository would. */
class ReachabilityTest {

    private HttpServer server;
    private final Reachability network = new Reachability(Duration.ofSeconds(3));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charts/index.yaml", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aRepositoryWhoseIndexAnswersIsReachable() {
        Check check = network.chartRepository("chart repository of x", base() + "/charts/");
        assertThat(check.status()).isEqualTo(Check.Status.OK);
        assertThat(check.detail()).endsWith("/charts/index.yaml answered 200");
    }

    @Test
    void aRepositoryWithoutAnIndexOrThatRefusesIsAProblem() throws IOException {
        Check missing = network.chartRepository("chart repository of x", base() + "/nothing");
        assertThat(missing.problem()).isTrue();
        assertThat(missing.detail()).contains("answered 404");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Check refused = network.chartRepository("chart repository of x", "http://127.0.0.1:" + closed);
        assertThat(refused.problem()).isTrue();
        assertThat(refused.detail()).contains("unreachable");
        assertThat(refused.fix()).contains("HTTPS_PROXY");
    }

    @Test
    void theRegistryOfAnImageOrOciChart() {
        assertThat(Reachability.registryOf("oci://docker.io/envoyproxy/gateway-helm")).isEqualTo("docker.io");
        assertThat(Reachability.registryOf("envoyproxy/envoy:distroless-v1.39.0")).isEqualTo("docker.io");
        assertThat(Reachability.registryOf("nginx")).isEqualTo("docker.io");
        assertThat(Reachability.registryOf("registry.k8s.io/ingress-nginx/controller:v1.15.1"))
                .isEqualTo("registry.k8s.io");
        assertThat(Reachability.registryOf("localhost:5000/backend:1")).isEqualTo("localhost:5000");
        assertThat(Reachability.apiHost("docker.io")).isEqualTo("registry-1.docker.io");
    }
}
