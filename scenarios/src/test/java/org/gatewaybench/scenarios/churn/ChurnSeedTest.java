package org.gatewaybench.scenarios.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.Phase;
import org.junit.jupiter.api.Test;

/** The seed alone decides the churn's writes: not the route API's timing, not which writes are in flight. */
class ChurnSeedTest {

    private static final List<Backend> BACKENDS = List.of(new Backend("b0", "127.0.0.1", 1001),
            new Backend("b1", "127.0.0.1", 1002), new Backend("b2", "127.0.0.1", 1003));

    /**
     * A small population under 8 writers with jittery API answers: the seed's picks often land on a
     * route whose previous write is still in flight, and which ones do differs between runs.
     */
    private static final ChurnSpec SPEC = new ChurnSpec(8, List.of(
            new Phase.Ramp("ramp", 12, 2000),
            new Phase.Steady("steady", 2000, 12, Duration.ofMillis(150)),
            new Phase.DeleteAll("delete-all", 2000)));

    /** One write as the journal shows it when sent. */
    private record Write(OpKind kind, String route, String backend) {
    }

    private static List<Write> writes(long seed, long apiTiming) throws InterruptedException {
        RecordingJournal journal = new RecordingJournal();
        try (ChurnEngine engine = new ChurnEngine("gw", SlowRouteApi.jittered(new EmbeddedRouteStore(), 3, apiTiming),
                new RouteFactory(4, BACKENDS), SPEC, seed, journal, Clock.SYSTEM, (op, kind, route, previous, t0) -> { })) {
            engine.run();
        }
        return journal.history().select(Events.OpInvoked.class)
                .map(i -> new Write(i.kind(), i.route().toString(), i.backend())).toList();
    }

    @Test
    void twoRunsWithOneSeedWriteTheSameOperationsInTheSameOrder() throws InterruptedException {
        List<Write> first = writes(7, 1);
        List<Write> second = writes(7, 2);

        assertThat(first).hasSizeGreaterThan(300)
                .extracting(Write::kind).contains(OpKind.CREATE, OpKind.UPDATE, OpKind.DELETE);
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void anotherSeedWritesAnotherSequence() throws InterruptedException {
        assertThat(writes(8, 1)).isNotEqualTo(writes(7, 1));
    }
}
