package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.Word;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.connection.ConnectionKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

class LongConnectionAnalysisTest {

    private static final long S = 1_000_000_000L;
    private static final RouteKey STABLE = RouteKey.parse("t0001/stable");
    private static final String NGINX = "lab-nginx-reload";
    private static final String HAPROXY = "lab-haproxy-runtime";

    private static Stamp at(double seconds) {
        return new Stamp(1000 * S + (long) (seconds * S), 0);
    }

    private static Events.ConnectionDropped drop(double second, String gateway, String kind, String cause,
                                                 long retiring, double sinceRetiring) {
        return new Events.ConnectionDropped(at(second), gateway, Word.parse(ConnectionKind.class, kind), (long) (second * 10),
                0, STABLE, Word.parse(DropCause.class, cause), "",
                S, S, retiring, retiring < 0 ? null : "reload", retiring < 0 ? -1 : (long) (sinceRetiring * S),
                retiring, retiring < 0 ? -1 : (long) (sinceRetiring * S), retiring < 0 ? 0 : 1);
    }

    private static Events.OpCompleted change(double second, String gateway) {
        return new Events.OpCompleted(at(second), gateway, 1, OpKind.UPDATE, RouteKey.parse("t0002/churned"), true, null, null);
    }

    private static History history() {
        List<Event> events = List.of(
                new Events.RunStarted(at(0), 1, "r", "reload-dilemma", "s.yaml", "embedded", "h", 2,
                        List.of(NGINX, HAPROXY), ProbeRule.conformance(), Map.of()),
                new Events.GatewayStarted(at(0.2), NGINX, "127.0.0.1:1", Map.of()),
                new Events.ConnectionOpened(at(0.5), NGINX, ConnectionKind.WEBSOCKET, 1, 0, STABLE, 1000, 1),
                new Events.ConnectionOpened(at(0.5), NGINX, ConnectionKind.SSE, 2, 1, STABLE, 1000, 1),
                new Events.ConnectionOpened(at(0.5), HAPROXY, ConnectionKind.WEBSOCKET, 3, 0, STABLE, 1000, 1),
                change(1, NGINX), change(1, HAPROXY), change(2, NGINX), change(2, HAPROXY),
                new Events.OpCompleted(at(2.5), NGINX, 3, OpKind.UPDATE, STABLE, false, "refused", Refusal.OTHER),
                new Events.ConfigApplyStarted(at(1.1), NGINX, 1, "reload", 2, 1),
                new Events.ConfigApplyStarted(at(1.1), HAPROXY, 1, "runtime-api", 2, 1),
                new Events.ConfigApplyStarted(at(2.1), NGINX, 2, "reload", 2, 1),
                new Events.ConnectionPopulation(at(1), NGINX, ConnectionKind.WEBSOCKET, 1, 1),
                new Events.ConnectionPopulation(at(7), NGINX, ConnectionKind.WEBSOCKET, 1, 0),
                drop(6.2, NGINX, "websocket", "closed", 1, 5.1),
                drop(6.3, NGINX, "sse", "closed", 1, 5.2),
                new Events.ConnectionOpenFailed(at(6.4), NGINX, ConnectionKind.SSE, 1, STABLE, 1, true, DropCause.REFUSED, "", S / 10),
                drop(9, NGINX, "websocket", "reset", -1, 0),
                drop(12, NGINX, "websocket", "stalled", 2, 0.05));
        return History.of(events);
    }

    @Test
    void countsDropsPerGatewayKindAndCause() throws IOException {
        var figures = RunAnalysis.of(history()).longConnections();
        var nginx = figures.gateways().get(NGINX);
        assertThat(nginx.drops()).isEqualTo(4);
        assertThat(nginx.kinds().get(ConnectionKind.WEBSOCKET).drops()).isEqualTo(3);
        assertThat(nginx.kinds().get(ConnectionKind.WEBSOCKET).dropsByCause())
                .isEqualTo(Map.of(DropCause.CLOSED, 1L, DropCause.RESET, 1L, DropCause.STALLED, 1L));
        assertThat(nginx.kinds().get(ConnectionKind.SSE).failedReconnects()).isEqualTo(1);
        assertThat(nginx.kinds().get(ConnectionKind.SSE).opened()).isEqualTo(1);
        var haproxy = figures.gateways().get(HAPROXY);
        assertThat(haproxy.drops()).isZero();
        assertThat(haproxy.kinds().get(ConnectionKind.WEBSOCKET).opened()).isEqualTo(1);
        assertThat(haproxy.dropsPerConfigApply()).isZero();
    }

    @Test
    void ratesUseAcknowledgedRouteChangesAndConfigApplies() throws IOException {
        var nginx = RunAnalysis.of(history()).longConnections().gateways().get(NGINX);
        assertThat(nginx.routeChanges()).isEqualTo(2);
        assertThat(nginx.configApplies()).isEqualTo(2);
        assertThat(nginx.dropsPer1000RouteChanges()).isEqualTo(2000.0);
        assertThat(nginx.dropsPerConfigApply()).isEqualTo(2.0);
    }

    @Test
    void histogramsTheDelayFromTheRetiringApply() throws IOException {
        var nginx = RunAnalysis.of(history()).longConnections().gateways().get(NGINX);
        assertThat(nginx.delayFromApply()).hasSize(LongConnectionAnalysis.DELAY_BUCKETS.size() + 1);
        assertThat(nginx.delayFromApply()).filteredOn(b -> b.drops() > 0)
                .containsExactly(new LongConnectionAnalysis.DelayBucket(Duration.ofMillis(100), 1),
                        new LongConnectionAnalysis.DelayBucket(Duration.ofSeconds(10), 2));
        assertThat(nginx.dropsWithoutApply()).isEqualTo(1);
    }

    @Test
    void timelineAndPopulationAreOffsetsFromTheGatewayStart() throws IOException {
        var nginx = RunAnalysis.of(history()).longConnections().gateways().get(NGINX);
        long origin = at(0.2).mono();
        assertThat(nginx.timeline()).extracting(LongConnectionAnalysis.DropMark::offsetNanos)
                .containsExactly(at(6.2).mono() - origin, at(6.3).mono() - origin, at(9).mono() - origin,
                        at(12).mono() - origin);
        assertThat(nginx.timeline().get(0).retiringApply()).isEqualTo(1);
        assertThat(nginx.applies()).containsExactly(
                new LongConnectionAnalysis.ApplyMark(at(1.1).mono() - origin, 1, "reload"),
                new LongConnectionAnalysis.ApplyMark(at(2.1).mono() - origin, 2, "reload"));
        assertThat(nginx.population().get(ConnectionKind.WEBSOCKET)).containsExactly(
                new LongConnectionAnalysis.PopulationPoint(at(1).mono() - origin, 1, 1),
                new LongConnectionAnalysis.PopulationPoint(at(7).mono() - origin, 1, 0));
        assertThat(nginx.kinds().get(ConnectionKind.WEBSOCKET).target()).isEqualTo(1);
        // Without a gateway-started event a gateway's time starts at its first event.
        var haproxy = RunAnalysis.of(history()).longConnections().gateways().get(HAPROXY);
        assertThat(haproxy.applies()).extracting(LongConnectionAnalysis.ApplyMark::offsetNanos)
                .containsExactly(at(1.1).mono() - at(0.5).mono());
    }

    @Test
    void gatewaysWithoutLongConnectionsHaveNoFigures() throws IOException {
        List<Event> events = List.of(change(1, NGINX), new Events.ConfigApplyStarted(at(1.1), NGINX, 1, "reload", 2, 1));
        var figures = RunAnalysis.of(History.of(events)).longConnections();
        assertThat(figures.gateways()).isEmpty();
        assertThat(figures.any()).isFalse();
        assertThat(RunAnalysis.of(history()).longConnections().any()).isTrue();
    }

    @Test
    void anEmptyJournalGivesNoGateways() throws IOException {
        assertThat(RunAnalysis.of(History.of(List.of())).longConnections().gateways()).isEmpty();
    }
}
