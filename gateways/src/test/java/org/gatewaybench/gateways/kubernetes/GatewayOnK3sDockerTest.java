package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.k3s.K3sFixture;
import org.gatewaybench.fixtures.k3s.DockerTestSettings;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.InstallContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Each real gateway on k3s: install, 50 routes over 5 tenants activate through the data plane
 * (the right backend answers 3 times in a row), uninstall. Skipped where there is no Docker.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class GatewayOnK3sDockerTest {

    private static final int ROUTES = 50;
    private static final Duration ACTIVATION_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path workDir;

    /**
     * The gateways to test: those of -Dgatewaybench.gateways (comma separated; the nightly workflow
     * gives each matrix job its own), all five otherwise.
     */
    static List<String> gateways() {
        String asked = System.getProperty("gatewaybench.gateways", "").strip();
        List<String> all = List.of("ingress-nginx", "apisix", "envoy-gateway", "cilium", "higress");
        return asked.isEmpty() ? all : List.of(asked.split("\\s*,\\s*"));
    }

    @ParameterizedTest
    @MethodSource("gateways")
    void installsActivatesFiftyRoutesAndUninstalls(String name) throws Exception {
        GatewayDriver driver = GatewayCatalog.find(name)
                .orElseThrow(() -> new AssertionError("unknown gateway '" + name + "' in -Dgatewaybench.gateways"));
        // A failure leaves its evidence where the nightly uploads it (target/diagnostics/).
        Path evidence = Path.of("target", "diagnostics", name);
        try (K3sFixture fixture = new K3sFixture(DockerTestSettings.forGateways(List.of(name)))) {
            fixture.start();
            RecordingJournal journal = new RecordingJournal();
            InstallContext.Diagnose diagnose = (reason, gatewayPart) -> {
                fixture.collectDiagnostics(evidence);
                gatewayPart.apply(evidence);
            };
            Gateway gateway = null;
            try {
                List<Backend> backends;
                if (name.equals("cilium")) {
                    // Cilium is the network: no pod (backends included) runs before it.
                    gateway = driver.install(new InstallContext(fixture, journal, Clock.SYSTEM, Map.of(), List.of(),
                            workDir, diagnose));
                    backends = fixture.startBackends(2);
                } else {
                    backends = fixture.startBackends(2);
                    gateway = driver.install(new InstallContext(fixture, journal, Clock.SYSTEM, Map.of(), backends,
                            workDir, diagnose));
                }
                List<Route> routes = new ArrayList<>();
                for (int i = 0; i < ROUTES; i++) {
                    String tenant = String.format("t%02d", i % 5);
                    String routeName = String.format("r%03d", i);
                    routes.add(new Route(new RouteKey(tenant, routeName), routeName + "." + tenant + ".bench.test",
                            "/" + routeName, backends.get(i % backends.size()), 1));
                }
                routes.forEach(gateway.routes()::create);
                assertThat(gateway.routes().list()).hasSize(ROUTES);
                awaitActivation(gateway.dataPlane(), routes);
            } catch (Exception | AssertionError e) {
                fixture.collectDiagnostics(evidence);
                if (gateway != null) {
                    gateway.collectDiagnostics(evidence);
                }
                throw e;
            } finally {
                if (gateway != null) {
                    gateway.close();
                }
            }
            String namespace = fixture.ownership().namespacePrefix() + name;
            await("the deployments of " + name + "'s release gone after uninstall").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> fixture.client().apps().deployments().inNamespace(namespace).list().getItems().isEmpty());
        }
    }

    /** Polls every route until its backend answered 3 times in a row, all within the timeout. */
    private static void awaitActivation(InetSocketAddress dataPlane, List<Route> routes) {
        Map<RouteKey, Integer> streaks = new HashMap<>();
        await(routes.size() + " routes answered by their backend 3 times in a row").atMost(ACTIVATION_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    for (Route route : routes) {
                        if (streaks.getOrDefault(route.key(), 0) < 3) {
                            boolean ok = route.backend().id().equals(backendId(dataPlane, route.host(),
                                    route.pathPrefix()));
                            streaks.put(route.key(), ok ? streaks.getOrDefault(route.key(), 0) + 1 : 0);
                        }
                    }
                    return streaks.values().stream().filter(s -> s >= 3).count() == routes.size();
                });
    }

    /** The X-Backend-Id of a 200 answer, or null for anything else (404 before activation, errors). */
    private static String backendId(InetSocketAddress dataPlane, String host, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(dataPlane, 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            if (status == null || !status.contains(" 200 ")) {
                return null;
            }
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("X-Backend-Id")) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
