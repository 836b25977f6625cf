package org.gatewaybench.scenarios.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.probes.traffic.TrafficPlan;
import org.gatewaybench.probes.traffic.TrafficProbe;
import org.gatewaybench.probes.traffic.TrafficResult;
import org.gatewaybench.probes.traffic.WrkResult;
import org.gatewaybench.probes.traffic.WrkRunner;
import org.gatewaybench.scenarios.model.TrafficSpec;

/**
 * Steady Gatling traffic to the stable routes from the start of the churn until it ends (or the
 * scenario's traffic duration passes), then, when asked, a wrk run against the first stable route.
 * Gatling's report stays in the gateway's folder of the run, under gatling/.
 */
final class TrafficCompanion implements Companion {

    private static final int MAX_WRK_THREADS = 4;
    /** Gatling starts in seconds in a fresh JVM; a minute means it will not. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final GatewayRun run;
    private final TrafficSpec spec;
    private final TrafficProbe probe;
    private final CompletableFuture<TrafficResult> result;

    private TrafficCompanion(GatewayRun run, TrafficSpec spec, TrafficProbe probe,
                             CompletableFuture<TrafficResult> result) {
        this.run = run;
        this.spec = spec;
        this.probe = probe;
        this.result = result;
    }

    static Optional<Companion> start(GatewayRun run) {
        Optional<TrafficSpec> asked = run.scenario().trafficSpec();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        TrafficSpec spec = asked.get();
        TrafficPlan plan = new TrafficPlan(run.spec().name(), run.gateway().dataPlane(), run.stableRoutes(),
                spec.rate(), spec.duration() != null ? spec.duration() : untilStopped(spec.rate()),
                spec.requestTimeout(), run.workDir().resolve("gatling"));
        TrafficProbe probe = new TrafficProbe(run.journal(), run.clock());
        TrafficCompanion companion = new TrafficCompanion(run, spec, probe, probe.start(plan));
        // Gatling needs seconds to start; the churn begins when the traffic does, not before.
        if (!probe.awaitStarted(START_PATIENCE)) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, run.spec().name(),
                    "the traffic had not begun " + Durations.format(START_PATIENCE) + " after it was started; the "
                            + "churn started anyway"));
        }
        return Optional.of(companion);
    }

    /** The longest traffic the plan's bounds allow at {@code rate}: it is stopped when the churn ends. */
    static Duration untilStopped(double rate) {
        long seconds = (long) Math.floor(TrafficPlan.MAX_REQUESTS / rate);
        return seconds >= TrafficPlan.MAX_DURATION.toSeconds() ? TrafficPlan.MAX_DURATION : Duration.ofSeconds(seconds);
    }

    /** Stops the traffic, waits for Gatling's report, then runs wrk if asked. */
    @Override
    public void close() {
        probe.stopEarly();
        String gateway = run.spec().name();
        try {
            result.get(); // bounded: the probe's future times out after the plan's run time plus report time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, gateway,
                    "the traffic probe failed: " + e.getCause()));
        }
        if (spec.wrk() != null) {
            runWrk(spec.wrk());
        }
    }

    private void runWrk(TrafficSpec.WrkSpec wrk) {
        Route route = run.stableRoutes().get(0);
        String gateway = run.spec().name();
        try {
            WrkResult r = new WrkRunner(WrkRunner.DEFAULT_BINARY).run(run.gateway().dataPlane(), route.host(),
                    route.pathPrefix(), Math.min(wrk.connections(), MAX_WRK_THREADS), wrk.connections(),
                    wrk.duration());
            run.journal().append(new Events.WrkSummary(run.clock().now(), gateway, route.host(), route.pathPrefix(),
                    wrk.connections(), wrk.duration().toNanos(), r.requests(), r.requestsPerSecond(),
                    r.p50().toNanos(), r.p75().toNanos(), r.p90().toNanos(), r.p99().toNanos(), r.max().toNanos(),
                    r.errorAnswers() + r.socketErrors()));
        } catch (RuntimeException e) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, gateway,
                    "wrk could not measure " + route.host() + route.pathPrefix() + ": " + e.getMessage()));
        }
    }
}
