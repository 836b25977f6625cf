package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.lab.haproxy.HaproxyRuntimeDriver;
import org.junit.jupiter.api.Test;

class LabHaproxyRuntimeTest extends LabGatewayContract {

    /** Generous for a loaded 2-core machine; the times seen are printed to the test output. */
    private static final Duration MAP_UPDATE_BOUND = Duration.ofSeconds(2);

    @Override
    GatewayDriver driver() {
        return GatewayCatalog.find(HaproxyRuntimeDriver.NAME).orElseThrow();
    }

    @Override
    String mechanism() {
        return "runtime-api";
    }

    @Override
    String installHint() {
        return "apt-get install haproxy";
    }

    @Test
    void mapUpdatesAreServedQuicklyWithoutAnyReload() {
        install(Map.of());
        Map<String, String> before = gateway.details();
        Route a = route("a", "a.example", "/", one.backend());

        long created = System.nanoTime();
        gateway.routes().create(a);
        Duration toCreate = timeUntil(created, "a.example", "one");
        long updated = System.nanoTime();
        gateway.routes().update(a.withBackend(two.backend()));
        Duration toUpdate = timeUntil(updated, "a.example", "two");
        long deleted = System.nanoTime();
        gateway.routes().delete(a.key());
        LabHttp.Answer gone = await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(5))
                .until(() -> get("a.example", "/"), x -> x.status() == 404);
        Duration toDelete = Duration.ofNanos(gone.sentNanos() - deleted);
        System.out.printf("haproxy map: create served after %d ms, update %d ms, delete %d ms%n",
                toCreate.toMillis(), toUpdate.toMillis(), toDelete.toMillis());

        assertThat(toCreate).isLessThan(MAP_UPDATE_BOUND);
        assertThat(toUpdate).isLessThan(MAP_UPDATE_BOUND);
        assertThat(toDelete).isLessThan(MAP_UPDATE_BOUND);
        Map<String, String> after = gateway.details();
        assertThat(after.get("pid")).isEqualTo(before.get("pid"));
        assertThat(after.get("workerPid")).isEqualTo(before.get("workerPid")).isNotEqualTo("none");
        assertThat(after.get("version")).startsWith("2.");
    }

    @Test
    void aRestartedHaproxyRestoresEveryRouteFromItsMapFile() throws Exception {
        install(Map.of());
        for (int i = 0; i < 50; i++) {
            gateway.routes().create(route("r" + i, "t" + i + ".example", "/", one.backend()));
        }
        Route moved = route("r7", "t7.example", "/", one.backend());
        gateway.routes().update(moved.withBackend(two.backend()));
        gateway.routes().delete(route("r9", "t9.example", "/", one.backend()).key());
        awaitServedBy("t49.example", "/", "one");
        awaitServedBy("t7.example", "/", "two");
        await404("t9.example", "/");
        String pidBefore = gateway.details().get("pid");

        ((LabGateway) gateway).restartDataPlane();

        assertThat(gateway.details().get("pid")).isNotEqualTo(pidBefore);
        for (int i = 0; i < 50; i++) {
            LabHttp.Answer answer = get("t" + i + ".example", "/");
            if (i == 9) {
                assertThat(answer.status()).as("deleted route").isEqualTo(404);
            } else {
                assertThat(answer.servedBy(i == 7 ? "two" : "one")).as("route %d: %s", i, answer).isTrue();
            }
        }
        Path map = Path.of(gateway.details().get("map"));
        assertThat(Files.readAllLines(map)).hasSize(49).contains("t7.example/ backend_1");
    }

    private Duration timeUntil(long since, String host, String backendId) {
        LabHttp.Answer served = await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(5))
                .until(() -> get(host, "/"), x -> x.servedBy(backendId));
        return Duration.ofNanos(served.sentNanos() - since);
    }
}
