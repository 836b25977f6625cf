package org.gatewaybench.scenarios.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.Phase;
import org.junit.jupiter.api.Test;

class ChurnEngineTest {

    private final List<Backend> backends = List.of(new Backend("b0", "127.0.0.1", 1001),
            new Backend("b1", "127.0.0.1", 1002));
    private final RecordingJournal journal = new RecordingJournal();
    private final EmbeddedRouteStore store = new EmbeddedRouteStore();

    private record Ack(long op, OpKind kind, Route route, Route previous, long t0) {
    }

    private List<Ack> run(ChurnSpec spec) throws InterruptedException {
        List<Ack> acks = new CopyOnWriteArrayList<>();
        try (ChurnEngine engine = new ChurnEngine("gw", store, new RouteFactory(3, backends), spec, 42, journal,
                Clock.SYSTEM, (op, kind, route, previous, t0) -> acks.add(new Ack(op, kind, route, previous, t0)))) {
            engine.run();
        }
        return acks;
    }

    @Test
    void rampSteadyAndDeleteAllLeaveWhatEachPhasePromises() throws InterruptedException {
        List<Ack> acks = run(new ChurnSpec(4, List.of(
                new Phase.Ramp("ramp", 60, 2000),
                new Phase.Steady("steady", 300, 60, Duration.ofMillis(400)),
                new Phase.DeleteAll("delete-all", 2000))));

        assertThat(store.list()).as("delete-all empties the store").isEmpty();
        Map<OpKind, Long> byKind = acks.stream().collect(Collectors.groupingBy(Ack::kind, Collectors.counting()));
        assertThat(byKind.get(OpKind.UPDATE)).as("steady churn updates routes").isPositive();
        assertThat(byKind.get(OpKind.CREATE)).isEqualTo(byKind.get(OpKind.DELETE));
        // steady churn at population 60 sends rate * duration writes: 120
        List<Events.PhaseStarted> phases = journal.history().select(Events.PhaseStarted.class).toList();
        assertThat(phases).extracting(Events.PhaseStarted::plannedOps).containsExactly(60L, 120L, 60L);
        assertThat(journal.history().select(Events.PhaseEnded.class)).hasSize(3);
    }

    @Test
    void everyWriteIsJournaledWhenSentAndWhenAckedAndItsT0IsTheAck() throws InterruptedException {
        List<Ack> acks = run(new ChurnSpec(2, List.of(new Phase.Ramp("ramp", 20, 1000))));
        Map<Long, Events.OpCompleted> completed = journal.history().select(Events.OpCompleted.class)
                .collect(Collectors.toMap(Events.OpCompleted::op, Function.identity()));
        List<Events.OpInvoked> invoked = journal.history().select(Events.OpInvoked.class).toList();
        assertThat(invoked).hasSize(20);
        assertThat(completed).hasSize(20);
        for (Ack ack : acks) {
            assertThat(completed.get(ack.op()).at().mono()).isEqualTo(ack.t0());
            assertThat(completed.get(ack.op()).ok()).isTrue();
        }
        assertThat(invoked).allSatisfy(i -> assertThat(i.at().mono()).isGreaterThanOrEqualTo(i.scheduledMono()));
        // routes spread over tenants and backends
        assertThat(store.list()).extracting(r -> r.key().tenant()).containsOnly("t0000", "t0001", "t0002");
        assertThat(store.list()).extracting(r -> r.backend().id()).containsOnly("b0", "b1");
    }

    @Test
    void anUpdateMovesTheRouteToAnotherBackendAndNamesThePreviousVersion() throws InterruptedException {
        List<Ack> acks = run(new ChurnSpec(1, List.of(new Phase.Ramp("ramp", 5, 1000),
                new Phase.Steady("steady", 1000, 5, Duration.ofMillis(30)))));
        Ack update = acks.stream().filter(a -> a.kind() == OpKind.UPDATE).findFirst().orElseThrow();
        assertThat(update.previous().key()).isEqualTo(update.route().key());
        assertThat(update.route().backend()).isNotEqualTo(update.previous().backend());
        assertThat(update.route().revision()).isEqualTo(update.previous().revision() + 1);
    }

    @Test
    void aSlowRouteApiShowsAsLagBehindScheduleNotAsAFasterSchedule() throws InterruptedException {
        Map<RouteKey, Route> seen = new ConcurrentHashMap<>();
        EmbeddedRouteStore slow = new EmbeddedRouteStore();
        try (ChurnEngine engine = new ChurnEngine("gw", new SlowRouteApi(slow, 20), new RouteFactory(1, backends),
                new ChurnSpec(1, List.of(new Phase.Ramp("ramp", 15, 500))), 42, journal, Clock.SYSTEM,
                (op, kind, route, previous, t0) -> seen.put(route.key(), route))) {
            engine.run();
        }
        assertThat(seen).hasSize(15);
        // 15 writes of >= 20 ms each at concurrency 1 take >= 300 ms; the schedule wanted 30 ms
        long maxLag = journal.history().select(Events.OpInvoked.class)
                .mapToLong(i -> i.at().mono() - i.scheduledMono()).max().orElseThrow();
        assertThat(maxLag).isGreaterThan(Duration.ofMillis(200).toNanos());
        assertThat(journal.history().select(Events.HarnessLag.class)).isNotEmpty()
                .allSatisfy(l -> assertThat(l.component()).isEqualTo(HarnessComponent.CHURN));
    }

    @Test
    void aRefusedWriteIsJournaledAndTheRouteStaysAsItWas() throws InterruptedException {
        store.create(new RouteFactory(3, backends).route(0)); // the churn's first create will collide
        List<Ack> acks = run(new ChurnSpec(1, List.of(new Phase.Ramp("ramp", 3, 1000))));
        List<Events.OpCompleted> refused = journal.history().select(Events.OpCompleted.class)
                .filter(c -> !c.ok()).toList();
        assertThat(refused).singleElement().satisfies(c -> assertThat(c.error()).contains("already exists"));
        assertThat(acks).hasSize(3);
        assertThat(store.list()).hasSize(4);
    }
}
