package org.gatewaybench.scenarios.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.probes.longconn.LongConnectionProbe;
import org.gatewaybench.scenarios.model.LongConnectionSpec;

/**
 * Holds the scenario's long connections through one gateway to its stable routes (spread over
 * them in turn) while the churn runs. The probe listens to the run journal, so each drop names
 * the config apply that retired its connection. Starting waits until the population is open, so
 * that the churn's first config apply already meets every connection.
 */
final class LongConnectionCompanion implements Companion {

    /** One event loop per this many connections (the capacity benchmark held 10,000 on two). */
    private static final int CONNECTIONS_PER_LOOP = 5_000;
    private static final Duration OPEN_PATIENCE = Duration.ofSeconds(15);
    private static final long OPEN_POLL_MILLIS = 50;

    private final LongConnectionProbe probe;

    private LongConnectionCompanion(LongConnectionProbe probe) {
        this.probe = probe;
    }

    static Optional<Companion> start(GatewayRun run) throws InterruptedException {
        Optional<LongConnectionSpec> asked = run.scenario().longConnectionSpec();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        LongConnectionSpec spec = asked.get();
        Map<ConnectionKind, Integer> counts = new EnumMap<>(ConnectionKind.class);
        counts.put(ConnectionKind.WEBSOCKET, spec.websocket());
        counts.put(ConnectionKind.HTTP1, spec.http1());
        counts.put(ConnectionKind.SSE, spec.sse());
        counts.put(ConnectionKind.H2C, spec.h2c());
        int loops = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                (spec.total() + CONNECTIONS_PER_LOOP - 1) / CONNECTIONS_PER_LOOP));
        LongConnectionProbe probe = new LongConnectionProbe(run.spec().name(), run.gateway().dataPlane(),
                LongConnectionProbe.Settings.of(counts, spec.interval(), run.stableRoutes()), run.journal(),
                run.clock(), loops);
        LongConnectionCompanion companion = new LongConnectionCompanion(probe);
        try {
            probe.start();
            companion.awaitPopulation(run, spec.total());
        } catch (InterruptedException | RuntimeException e) {
            companion.close();
            throw e;
        }
        return Optional.of(companion);
    }

    /** Waits until every connection is open; if some are not by then, notes it and lets the churn start. */
    private void awaitPopulation(GatewayRun run, int total) throws InterruptedException {
        // The probe opens connections ramped; give it its ramp time on top of the patience.
        Duration patience = OPEN_PATIENCE.plusMillis(total);
        try {
            Wait.of(total + " long connections to open", patience).every(Duration.ofMillis(OPEN_POLL_MILLIS))
                    .until(() -> probe.openTotal() >= total);
        } catch (Wait.Timeout e) {
            if (Thread.interrupted()) {
                throw new InterruptedException(e.getMessage());
            }
        }
        int open = probe.openTotal();
        if (open < total) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, run.spec().name(),
                    "long connections: " + open + " of " + total + " were open after " + Durations.format(patience)
                            + "; the churn started anyway and the probe keeps trying (see the failed opens)"));
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
