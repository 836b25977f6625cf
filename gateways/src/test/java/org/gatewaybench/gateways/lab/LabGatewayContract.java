package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.InstallContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every lab gateway must do, on its real data plane with real backends. */
abstract class LabGatewayContract {

    static final Duration ACTIVATION_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    EmbeddedFixture fixture;
    RecordingJournal journal;
    TestBackend one;
    TestBackend two;
    Gateway gateway;

    /** The driver under test. */
    abstract GatewayDriver driver();

    /** The journaled apply mechanism of the driver. */
    abstract String mechanism();

    /** The package to install, as the missing-binary message names it. */
    abstract String installHint();

    @BeforeEach
    void startLab() throws IOException {
        fixture = new EmbeddedFixture(dir.resolve("lab"));
        fixture.start();
        journal = new RecordingJournal();
        one = new TestBackend("one");
        two = new TestBackend("two");
    }

    @AfterEach
    void stopLab() {
        if (gateway != null) {
            gateway.close();
        }
        // Stops by PID whatever a failed test left running.
        fixture.close();
        one.close();
        two.close();
    }

    Gateway install(Map<String, String> options) {
        gateway = driver().install(context(fixture, options));
        return gateway;
    }

    InstallContext context(Fixture where, Map<String, String> options) {
        return new InstallContext(where, journal, Clock.SYSTEM, options, List.of(one.backend(), two.backend()),
                dir.resolve(driver().name()));
    }

    static Route route(String name, String host, String path, Backend backend) {
        return new Route(new RouteKey("tenant", name), host, path, backend, 1);
    }

    LabHttp.Answer get(String host, String path) {
        return LabHttp.get(gateway.dataPlane(), host, path);
    }

    /** Waits until three answers in a row come from the backend (the activation rule: old nginx workers may still answer once). */
    void awaitServedBy(String host, String path, String backendId) {
        await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> get(host, path).servedBy(backendId) && get(host, path).servedBy(backendId)
                        && get(host, path).servedBy(backendId));
    }

    void await404(String host, String path) {
        await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(20)).until(() -> get(host, path).status() == 404
                && get(host, path).status() == 404 && get(host, path).status() == 404);
    }

    List<Events.ConfigApplyStarted> applyStarts() {
        return journal.events().stream().filter(Events.ConfigApplyStarted.class::isInstance)
                .map(Events.ConfigApplyStarted.class::cast).collect(Collectors.toList());
    }

    List<Events.ConfigApplyEnded> applyEnds() {
        return journal.events().stream().filter(Events.ConfigApplyEnded.class::isInstance)
                .map(Events.ConfigApplyEnded.class::cast).collect(Collectors.toList());
    }

    @Test
    void aCreatedRouteIsServedByItsBackendAndUnknownHostsGet404() {
        install(Map.of());
        assertThat(get("nobody.example", "/").status()).isEqualTo(404);

        gateway.routes().create(route("a", "a.example", "/", one.backend()));

        awaitServedBy("a.example", "/x/y", "one");
        assertThat(get("a.example", "/x/y").body()).isEqualTo("backend=one host=a.example path=/x/y");
        assertThat(get("b.example", "/x/y").status()).isEqualTo(404);
    }

    @Test
    void anUpdatedRouteMovesToItsNewBackendAndADeletedOneReturns404() {
        install(Map.of());
        Route a = route("a", "a.example", "/", one.backend());
        gateway.routes().create(a);
        awaitServedBy("a.example", "/", "one");

        gateway.routes().update(a.withBackend(two.backend()));
        awaitServedBy("a.example", "/", "two");

        gateway.routes().delete(a.key());
        await404("a.example", "/");
    }

    @Test
    void theLongestPathPrefixOfAHostWins() {
        install(Map.of());
        gateway.routes().create(route("root", "p.example", "/", one.backend()));
        gateway.routes().create(route("api", "p.example", "/api", two.backend()));
        gateway.routes().create(route("only-api", "q.example", "/api", two.backend()));

        awaitServedBy("p.example", "/api/v1", "two");
        awaitServedBy("q.example", "/api", "two");
        assertThat(get("p.example", "/other").servedBy("one")).isTrue();
        assertThat(get("q.example", "/other").status()).isEqualTo(404);
    }

    @Test
    void theLongestDnsNameIsServed() {
        install(Map.of());
        String host = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(host).hasSize(253);
        gateway.routes().create(route("long", host, "/", two.backend()));
        gateway.routes().create(route("short", "s.example", "/", one.backend()));

        awaitServedBy("s.example", "/", "one");
        awaitServedBy(host, "/", "two");
        assertThat(applyEnds()).allSatisfy(e -> assertThat(e.ok()).as(e.detail()).isTrue());
    }

    @Test
    void everyApplyIsJournaledWithItsMechanismAndEnds() {
        install(Map.of());
        gateway.routes().create(route("a", "a.example", "/", one.backend()));
        awaitServedBy("a.example", "/", "one");
        await().atMost(ACTIVATION_BOUND).until(() -> applyEnds().size() == applyStarts().size());

        List<Events.ConfigApplyStarted> starts = applyStarts();
        assertThat(starts).isNotEmpty().allSatisfy(s -> {
            assertThat(s.gateway()).isEqualTo(driver().name());
            assertThat(s.mechanism()).isEqualTo(mechanism());
        });
        assertThat(starts.get(starts.size() - 1).routes()).isEqualTo(1);
        assertThat(applyEnds()).allSatisfy(e -> assertThat(e.ok()).as(e.detail()).isTrue());
        assertThat(applyEnds().stream().map(Events.ConfigApplyEnded::apply))
                .containsExactlyElementsOf(starts.stream().map(Events.ConfigApplyStarted::apply).toList());
    }

    @Test
    void twoThousandRoutesLoadAndTheirChangesAreCoalesced() {
        install(Map.of());
        int count = 2000;
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            routes.add(route("r" + i, "t" + i + ".example", "/", i % 2 == 0 ? one.backend() : two.backend()));
        }
        routes.forEach(gateway.routes()::create);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("t" + (count - 1) + ".example", "/").servedBy("two"));
        // Every sampled route is served by its backend. A single request could meet an old nginx worker
        // that has not yet taken its reload's QUIT (a real reload race), so each is awaited, 3 in a row.
        for (int i = 0; i < count; i += 97) {
            awaitServedBy("t" + i + ".example", "/", i % 2 == 0 ? "one" : "two");
        }
        List<Events.ConfigApplyStarted> starts = applyStarts();
        assertThat(starts.stream().mapToInt(Events.ConfigApplyStarted::changes).sum()).isEqualTo(count);
        // One apply per write would be 2,000; batching what arrives during an apply makes far fewer.
        assertThat(starts).hasSizeLessThan(count / 2);
    }

    @Test
    void everyFaultTheDriverDeclaresInjectsAndHealsAndTheRestAreRefused() {
        install(Map.of());
        FaultInjector faults = gateway.faults();
        int injected = 0;
        for (FaultTarget target : FaultTarget.values()) {
            Set<FaultAction> declared = driver().faults(FixtureKind.EMBEDDED, target);
            assertThat(faults.supported(target)).as(target.word()).isEqualTo(declared);
            for (FaultAction action : FaultAction.values()) {
                // A squeeze far above what the data plane uses: it must apply and heal, not starve it.
                FaultRequest request = new FaultRequest(action, target, action == FaultAction.SQUEEZE ? 8L << 30 : 0);
                if (!declared.contains(action)) {
                    assertThatThrownBy(() -> faults.inject(request)).isInstanceOf(GatewayException.class)
                            .hasMessageStartingWith(driver().name() + " cannot " + request.describe()
                                    + " on fixture embedded");
                    continue;
                }
                Fault fault = faults.inject(request);
                assertThat(fault.detail()).as(request.describe()).isNotBlank();
                assertThat(fault.heal()).as(request.describe()).isNotBlank().isNotEqualTo("already healed");
                // Healed means working: a route created now goes live.
                String name = action.word() + "-" + target.word();
                gateway.routes().create(route(name, name + ".example", "/", one.backend()));
                awaitServedBy(name + ".example", "/", "one");
                injected++;
            }
        }
        assertThat(injected).as("kill, freeze and squeeze of the data plane; kill, freeze and partition of the "
                + "controller").isEqualTo(6);
    }

    @Test
    void closeStopsTheDataPlaneAndItsChildren() {
        install(Map.of());
        long pid = Long.parseLong(gateway.details().get("pid"));
        List<ProcessHandle> family = new ArrayList<>(ProcessHandle.of(pid).orElseThrow().descendants().toList());
        family.add(ProcessHandle.of(pid).orElseThrow());
        assertThat(gateway.details()).containsKeys("version", "pid");

        gateway.close();
        gateway = null;

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(fixture.processes().processes()).isEmpty();
    }

    @Test
    void aTakenPortIsAClearErrorAndLeavesNoProcess() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> install(Map.of("port", Integer.toString(port))))
                    .isInstanceOf(GatewayException.class)
                    .hasMessage("port 127.0.0.1:" + port + " is in use");
        }
        assertThat(fixture.processes().processes()).isEmpty();
    }

    @Test
    void aMissingBinaryIsAClearErrorAndLeavesNoProcess() {
        Map<String, String> options = new HashMap<>();
        options.put("binary", "gateway-bench-no-such-binary");
        assertThatThrownBy(() -> install(options))
                .isInstanceOf(GatewayException.class)
                .hasMessage("gateway-bench-no-such-binary not found: install it (" + installHint()
                        + ") or set gateways[].options.binary");
        assertThat(fixture.processes().processes()).isEmpty();
    }

    @Test
    void anotherFixtureIsRefused() {
        Fixture k3s = new Fixture() {
            @Override
            public FixtureKind kind() {
                return FixtureKind.K3S;
            }

            @Override
            public void start() {
            }

            @Override
            public List<Backend> startBackends(int count) {
                throw new UnsupportedOperationException("no backends in this test");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> driver().install(context(k3s, Map.of())))
                .isInstanceOf(GatewayException.class)
                .hasMessage(driver().name() + " runs only on the embedded fixture, not on k3s");
    }
}
