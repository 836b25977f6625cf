package org.gatewaybench.scenarios.churn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.Phase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many route writes per second the churn engine gets through against the embedded route API,
 * at concurrency 1, 4 and 16, journaling to a real file and with one watcher consuming every
 * change (as a lab controller does). The schedule asks for far more than can be done, so the
 * figure is the engine's ceiling. Not part of the normal build; run with
 * <pre>./mvnw -B -pl scenarios -am verify -Dtest=ChurnEngineBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results: scenarios/target/churn-engine-bench.txt and docs/performance.md.
 */
@Tag("bench")
class ChurnEngineBench {

    private static final int ROUTES = 50_000;
    /** Writes per second the schedule asks for: ten times what a scenario may ask, to find the ceiling. */
    private static final double SCHEDULE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void writesPerSecondAtConcurrency1And4And16() throws Exception {
        StringBuilder out = new StringBuilder("concurrency, writes, seconds, writes/s (create then delete, "
                + ROUTES + " routes each)\n");
        for (int concurrency : List.of(1, 4, 16)) {
            measure(concurrency); // warm-up: the JIT, the journal codec
            out.append(measure(concurrency)).append('\n');
        }
        Path report = Path.of("target", "churn-engine-bench.txt");
        Files.writeString(report, out.toString());
        System.out.print(out);
    }

    private String measure(int concurrency) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "journal", ".jsonl");
        Files.delete(file);
        EmbeddedRouteStore store = new EmbeddedRouteStore();
        AtomicLong delivered = new AtomicLong();
        store.watch(change -> delivered.incrementAndGet());
        ChurnSpec spec = new ChurnSpec(concurrency, List.of(new Phase.Ramp("ramp", ROUTES, SCHEDULE),
                new Phase.DeleteAll("delete-all", SCHEDULE)));
        try (JournalWriter journal = JournalWriter.create(file);
             ChurnEngine engine = new ChurnEngine("bench", store, new RouteFactory(100,
                     List.of(new Backend("b0", "127.0.0.1", 9))), spec, 42, journal, Clock.SYSTEM,
                     (op, kind, route, previous, t0) -> { })) {
            engine.run();
        }
        History h = JournalReader.read(file);
        List<Events.OpCompleted> done = h.select(Events.OpCompleted.class).toList();
        long first = h.select(Events.OpInvoked.class).findFirst().orElseThrow().at().mono();
        long last = done.get(done.size() - 1).at().mono();
        double seconds = (last - first) / 1e9;
        store.close();
        return String.format("%d, %d, %.2f, %.0f", concurrency, done.size(), seconds, done.size() / seconds);
    }
}
