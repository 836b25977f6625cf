package org.gatewaybench.scenarios.longconn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.embedded.SupervisedProcess;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.probes.longconn.LongConnectionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-connection probe through the real lab data planes (nginx, HAProxy processes) to real
 * backends: reloads drop long connections after worker_shutdown_timeout and each drop names that
 * reload; runtime-API updates drop none; a killed data plane drops every connection through it.
 */
class LongConnectionsThroughLabGatewaysTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final RecordingJournal recording = new RecordingJournal();
    private final ObservedJournal journal = new ObservedJournal(recording);
    private EmbeddedFixture fixture;
    private List<Backend> backends;
    private Gateway gateway;
    private LongConnectionProbe probe;

    @BeforeEach
    void startLab() {
        fixture = new EmbeddedFixture(dir.resolve("lab"));
        fixture.start();
        backends = fixture.startBackends(2);
    }

    @AfterEach
    void stopLab() {
        if (probe != null) {
            probe.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        fixture.close();
    }

    private void install(String driver, Map<String, String> options) {
        gateway = GatewayCatalog.find(driver).orElseThrow().install(new InstallContext(fixture, journal, Clock.SYSTEM,
                options, backends, dir.resolve(driver)));
    }

    /** A stable route the churn never touches, and a probe holding {@code counts} connections through it. */
    private void holdConnections(Map<ConnectionKind, Integer> counts) {
        Route stable = new Route(RouteKey.parse("t0001/stable"), "stable.t0001.test", "/", backends.get(0), 1);
        gateway.routes().create(stable);
        var settings = new LongConnectionProbe.Settings(counts, INTERVAL, List.of(stable), Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        probe = new LongConnectionProbe(gateway.name(), gateway.dataPlane(), settings, journal, Clock.SYSTEM, 1);
        probe.start();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(PATIENCE).until(() -> probe.openTotal() == total);
    }

    /** Route changes on other tenants' routes: {@code changes} creates, {@code gap} apart. */
    private void churn(int changes, Duration gap) throws InterruptedException {
        for (int i = 0; i < changes; i++) {
            gateway.routes().create(new Route(new RouteKey("t0002", "churn-" + i), "churn-" + i + ".t0002.test", "/",
                    backends.get(1), 1));
            Thread.sleep(gap.toMillis());
        }
    }

    private List<Events.ConnectionDropped> drops() {
        return recording.history().select(Events.ConnectionDropped.class).toList();
    }

    private Set<Long> openConnectionIds() {
        return recording.history().select(Events.ConnectionOpened.class).map(Events.ConnectionOpened::connection)
                .collect(Collectors.toSet());
    }

    private List<Events.ConfigApplyStarted> appliesAfter(long mono) {
        return recording.history().select(Events.ConfigApplyStarted.class).filter(a -> a.at().mono() > mono).toList();
    }

    @Test
    void nginxReloadDropsStreamsAboutTheShutdownTimeoutAfterTheReloadAndNamesIt() throws Exception {
        install("lab-nginx-reload", Map.of("workerShutdownTimeout", "5s"));
        holdConnections(Map.of(ConnectionKind.SSE, 4));
        Set<Long> before = openConnectionIds();
        long churnStart = Clock.SYSTEM.monoNanos();

        churn(3, Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> drops().stream().filter(d -> before.contains(d.connection())).count()
                == before.size());

        long firstReload = appliesAfter(churnStart).get(0).apply();
        List<Events.ConnectionDropped> streamDrops = drops().stream()
                .filter(d -> before.contains(d.connection())).toList();
        assertThat(streamDrops).allSatisfy(d -> {
            assertThat(d.cause()).isIn(DropCause.CLOSED, DropCause.RESET);
            assertThat(d.retiringApply()).isEqualTo(firstReload);
            assertThat(d.lastApplyMechanism()).isEqualTo("reload");
            // worker_shutdown_timeout is 5 s: not before it, and well before twice it.
            assertThat(Duration.ofNanos(d.sinceRetiringApplyNanos()))
                    .isBetween(SHUTDOWN_TIMEOUT.minusMillis(500), SHUTDOWN_TIMEOUT.multipliedBy(2));
        });
        // The slots reconnect onto the new workers: the population comes back.
        await().atMost(PATIENCE).until(() -> probe.openTotal() == 4);
    }

    @Test
    void nginxReloadDropsWebSocketsAboutTheShutdownTimeoutAfterTheReload() throws Exception {
        install("lab-nginx-reload", Map.of("workerShutdownTimeout", "5s"));
        holdConnections(Map.of(ConnectionKind.WEBSOCKET, 4));
        Set<Long> before = openConnectionIds();
        long churnStart = Clock.SYSTEM.monoNanos();
        churn(3, Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> drops().stream().filter(d -> before.contains(d.connection())).count()
                == before.size());
        long firstReload = appliesAfter(churnStart).get(0).apply();
        assertThat(drops()).filteredOn(d -> before.contains(d.connection())).allSatisfy(d -> {
            assertThat(d.retiringApply()).isEqualTo(firstReload);
            assertThat(Duration.ofNanos(d.sinceRetiringApplyNanos()))
                    .isBetween(SHUTDOWN_TIMEOUT.minusMillis(500), SHUTDOWN_TIMEOUT.multipliedBy(2));
        });
    }

    @Test
    void haproxyRuntimeUpdatesDropNothingUnderTheSameChurn() throws Exception {
        install("lab-haproxy-runtime", Map.of());
        holdConnections(Map.of(ConnectionKind.WEBSOCKET, 3, ConnectionKind.SSE, 3, ConnectionKind.HTTP1, 2,
                ConnectionKind.H2C, 2));
        long churnStart = Clock.SYSTEM.monoNanos();

        churn(3, Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> appliesAfter(churnStart).size() >= 1);
        // Nothing drops until past the point where nginx would have dropped everything (shutdown timeout + margin).
        Duration quiet = SHUTDOWN_TIMEOUT.plusSeconds(2);
        await("no drop and every connection open").during(quiet).atMost(quiet.plusSeconds(5))
                .until(() -> drops().isEmpty() && probe.openTotal() == 10);

        assertThat(appliesAfter(churnStart)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.mechanism()).isEqualTo("runtime-api"));
    }

    @Test
    void killingTheDataPlaneDropsEveryConnectionThroughIt() throws Exception {
        install("lab-haproxy-runtime", Map.of());
        holdConnections(Map.of(ConnectionKind.WEBSOCKET, 3, ConnectionKind.SSE, 3, ConnectionKind.HTTP1, 2,
                ConnectionKind.H2C, 2));
        Set<Long> before = openConnectionIds();

        killDataPlane("haproxy");

        await().atMost(PATIENCE).until(() -> drops().stream().filter(d -> before.contains(d.connection())).count()
                == before.size());
        assertThat(drops()).filteredOn(d -> before.contains(d.connection())).allSatisfy(d -> {
            assertThat(d.cause()).isIn(DropCause.CLOSED, DropCause.RESET);
            assertThat(d.detail()).isNotBlank();
        });
        await().atMost(PATIENCE).until(() -> recording.history().select(Events.ConnectionOpenFailed.class)
                .anyMatch(f -> f.reconnect() && f.cause() == DropCause.REFUSED));
    }

    /** SIGKILL to the data plane's processes and their workers, through the supervisor that started them. */
    private void killDataPlane(String name) {
        List<SupervisedProcess> started = fixture.processes().processes().stream()
                .filter(p -> p.name().equals(name) && fixture.processes().isAlive(p.pid())).toList();
        assertThat(started).isNotEmpty();
        for (SupervisedProcess p : started) {
            List<ProcessHandle> workers = ProcessHandle.of(p.pid()).stream().flatMap(ProcessHandle::descendants).toList();
            fixture.processes().signal(p.pid(), "KILL");
            // A worker may exit with its master; kill those that stay.
            workers.stream().filter(ProcessHandle::isAlive).forEach(w -> fixture.processes().signal(w.pid(), "KILL"));
        }
    }
}
