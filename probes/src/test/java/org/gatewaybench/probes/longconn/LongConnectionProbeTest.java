package org.gatewaybench.probes.longconn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.backend.BackendFault;
import org.gatewaybench.backend.BackendServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against the backend directly (no gateway in between): the faults it must tell apart. */
class LongConnectionProbeTest {

    private static final String GATEWAY = "direct";
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final RecordingJournal recording = new RecordingJournal();
    private final ObservedJournal journal = new ObservedJournal(recording);
    private BackendServer backend;
    private LongConnectionProbe probe;

    @BeforeEach
    void startBackend() {
        backend = new BackendServer().start("b0", "127.0.0.1", 0);
    }

    @AfterEach
    void stopAll() {
        if (probe != null) {
            probe.close();
        }
        backend.close();
    }

    private LongConnectionProbe probe(int perKind) {
        Route route = new Route(RouteKey.parse("t0001/stable"), "stable.t0001.test", "/t0001/", new Backend(backend.id(), backend.host(), backend.port()), 1);
        Map<ConnectionKind, Integer> counts = Map.of(ConnectionKind.WEBSOCKET, perKind, ConnectionKind.HTTP1, perKind,
                ConnectionKind.SSE, perKind, ConnectionKind.H2C, perKind);
        var settings = new LongConnectionProbe.Settings(counts, INTERVAL, List.of(route), Duration.ofSeconds(2),
                Duration.ofMillis(50), Duration.ofMillis(400));
        probe = new LongConnectionProbe(GATEWAY, new InetSocketAddress("127.0.0.1", backend.port()), settings,
                journal, Clock.SYSTEM, 1);
        probe.start();
        await().atMost(PATIENCE).until(() -> probe.openTotal() == 4 * perKind);
        return probe;
    }

    private List<Events.ConnectionDropped> drops() {
        return recording.history().select(Events.ConnectionDropped.class).toList();
    }

    /** Waits until every connection open now has dropped once; returns those drops (reconnects may drop again). */
    private List<Events.ConnectionDropped> dropsOfTheConnectionsOpenNow(Runnable fault) {
        Set<Long> ids = recording.history().select(Events.ConnectionOpened.class)
                .map(Events.ConnectionOpened::connection).collect(Collectors.toSet());
        fault.run();
        await().atMost(PATIENCE).until(() -> drops().stream().filter(d -> ids.contains(d.connection())).count()
                == ids.size());
        return drops().stream().filter(d -> ids.contains(d.connection())).toList();
    }

    @Test
    void holdsEveryKindWithoutDropsWhileTheBackendIsHealthy() {
        probe(2);
        assertThat(recording.history().select(Events.ConnectionOpened.class))
                .extracting(Events.ConnectionOpened::kind)
                .containsExactlyInAnyOrder(ConnectionKind.WEBSOCKET, ConnectionKind.WEBSOCKET, ConnectionKind.HTTP1, ConnectionKind.HTTP1, ConnectionKind.SSE, ConnectionKind.SSE, ConnectionKind.H2C, ConnectionKind.H2C);
        await().atMost(PATIENCE).until(() -> recording.history().select(Events.ConnectionPopulation.class)
                .filter(p -> p.open() == 2).count() >= 8);
        // Well past the 3-interval stall limit: answers keep coming on every connection.
        await().pollDelay(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> true);
        assertThat(drops()).isEmpty();
        assertThat(probe.openTotal()).isEqualTo(8);
        assertThat(backend.openConnections()).isEqualTo(8);
    }

    @Test
    void killingTheBackendDropsEveryConnectionAndTheSlotsReconnectWhenItIsBack() {
        probe(3);
        int port = backend.port();
        backend.close();
        await().atMost(PATIENCE).until(() -> drops().size() == 12);
        assertThat(drops()).extracting(Events.ConnectionDropped::kind)
                .containsOnly(ConnectionKind.WEBSOCKET, ConnectionKind.HTTP1, ConnectionKind.SSE, ConnectionKind.H2C);
        // A server that closes sockets with data in flight makes the kernel answer RST instead of FIN:
        // either is how a killed backend looks; nothing else (a stall, a garbled answer) is.
        assertThat(drops()).extracting(Events.ConnectionDropped::cause).isSubsetOf(DropCause.CLOSED, DropCause.RESET)
                .contains(DropCause.CLOSED);
        assertThat(drops()).allSatisfy(d -> {
            assertThat(d.gateway()).isEqualTo(GATEWAY);
            assertThat(d.ageNanos()).isPositive();
            assertThat(d.lastApply()).isEqualTo(-1);
            assertThat(d.appliesDuringLife()).isZero();
        });
        await().atMost(PATIENCE).until(() -> recording.history().select(Events.ConnectionOpenFailed.class)
                .anyMatch(f -> f.reconnect() && f.cause() == DropCause.REFUSED));
        assertThat(probe.openTotal()).isZero();

        backend = new BackendServer().start("b0", "127.0.0.1", port);
        await().atMost(PATIENCE).until(() -> probe.openTotal() == 12);
        assertThat(drops()).hasSize(12);
    }

    @Test
    void aStalledBackendIsFoundAfterThreeIntervals() {
        probe(2);
        var drops = dropsOfTheConnectionsOpenNow(() -> backend.fault(BackendFault.STALL));
        assertThat(drops).extracting(Events.ConnectionDropped::cause).containsOnly(DropCause.STALLED);
        assertThat(drops).extracting(Events.ConnectionDropped::kind)
                .containsOnly(ConnectionKind.WEBSOCKET, ConnectionKind.HTTP1, ConnectionKind.SSE, ConnectionKind.H2C);
        assertThat(drops).allSatisfy(d -> assertThat(d.sinceAnswerNanos())
                .isGreaterThanOrEqualTo(3 * INTERVAL.toNanos()));
    }

    @Test
    void aGarblingBackendIsCaughtOnEveryKind() {
        probe(2);
        var drops = dropsOfTheConnectionsOpenNow(() -> backend.fault(BackendFault.GARBLE));
        assertThat(drops).extracting(Events.ConnectionDropped::cause).containsOnly(DropCause.GARBLED);
        assertThat(drops).extracting(Events.ConnectionDropped::kind)
                .containsOnly(ConnectionKind.WEBSOCKET, ConnectionKind.HTTP1, ConnectionKind.SSE, ConnectionKind.H2C);
        assertThat(drops).filteredOn(d -> d.kind() == ConnectionKind.WEBSOCKET)
                .allSatisfy(d -> assertThat(d.detail()).contains("echo 'garbled:"));
        backend.fault(BackendFault.NONE);
        await().atMost(PATIENCE).until(() -> probe.openTotal() == 8);
    }

    @Test
    void aDropNamesTheConfigAppliesAroundIt() {
        probe(1);
        var clock = Clock.SYSTEM;
        journal.append(new Events.ConfigApplyStarted(clock.now(), "other-gateway", 9, "reload", 1, 1));
        journal.append(new Events.ConfigApplyStarted(clock.now(), GATEWAY, 4, "reload", 10, 1));
        journal.append(new Events.ConfigApplyStarted(clock.now(), GATEWAY, 5, "runtime-api", 10, 1));
        backend.close();
        await().atMost(PATIENCE).until(() -> drops().size() == 4);
        assertThat(drops()).allSatisfy(d -> {
            assertThat(d.lastApply()).isEqualTo(5);
            assertThat(d.lastApplyMechanism()).isEqualTo("runtime-api");
            assertThat(d.retiringApply()).isEqualTo(4);
            assertThat(d.sinceRetiringApplyNanos()).isGreaterThanOrEqualTo(d.sinceLastApplyNanos()).isNotNegative();
            assertThat(d.appliesDuringLife()).isEqualTo(2);
        });
    }

    @Test
    void closingTheProbeIsNotADrop() {
        probe(1);
        probe.close();
        probe = null;
        await().atMost(PATIENCE).until(() -> backend.openConnections() == 0);
        assertThat(drops()).isEmpty();
    }

    @Test
    void settingsRefuseWhatCannotRun() {
        Route route = new Route(RouteKey.parse("t/r"), "h", "/", new org.gatewaybench.core.route.Backend("b", "h", 1), 0);
        assertThatThrownBy(() -> LongConnectionProbe.Settings.of(Map.of(), INTERVAL, List.of(route)))
                .hasMessageContaining("expected at least one connection");
        assertThatThrownBy(() -> LongConnectionProbe.Settings.of(Map.of(ConnectionKind.SSE, 1), Duration.ofMillis(1),
                List.of(route))).hasMessageContaining("at least 10ms");
        assertThatThrownBy(() -> LongConnectionProbe.Settings.of(Map.of(ConnectionKind.SSE, 1), INTERVAL, List.of()))
                .hasMessageContaining("at least one stable route");
        assertThatThrownBy(() -> Word.parse(ConnectionKind.class, "grpc"))
                .hasMessage("unknown connection kind 'grpc': expected one of websocket, http1, sse, h2c");
    }
}
