package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.scenarios.run.LabRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling traffic to stable routes of lab-haproxy-runtime while other routes churn, then wrk on one
 * of them, in one run: Gatling started the requests its open model was configured for, every answer
 * was a 200 from the route's own backend (HAProxy changes its map without a reload, so no request
 * fails), the probe's per-second windows count the same requests as Gatling's log, and wrk measured
 * a stable route for its configured time without an error.
 */
class TrafficRunTest {

    private static final String GATEWAY = "lab-haproxy-runtime";
    private static final int RATE = 100;
    private static final int SECONDS = 4;
    private static final int WRK_SECONDS = 3;
    /** Gatling's open model may start a few arrivals fewer at the edges of its schedule (as in TrafficProbeTest). */
    private static final long ARRIVAL_ROUNDING = 5;

    @TempDir
    Path dir;

    @Test
    void gatlingSendsItsConfiguredRateToTheRightBackendsWithoutErrorAndWrkMeasuresAStableRoute() throws Exception {
        // The traffic (4 s) must end before the churn (12 s) does, so that its duration bounds it and not the
        // churn's end: Gatling takes a few seconds to start in a fresh JVM, and the churn does not wait for it.
        Run run = LabRuns.run(dir, """
                name: traffic
                tenants: 3
                backends: 2
                stableRoutes: 3
                gateways:
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - kind: ramp
                      to: 100
                      rate: 50
                    - kind: steady
                      rate: 30
                      population: 100
                      duration: 10s
                probe:
                  pollInterval: 20ms
                  timeout: 15s
                traffic:
                  rate: %d
                  duration: %ds
                  requestTimeout: 2s
                  wrk:
                    connections: 1
                    duration: %ds
                resources:
                  interval: 500ms
                """.formatted(RATE, SECONDS, WRK_SECONDS));
        assertThat(run.result().outcome()).as(run.result().reason() + "\n" + run.console())
                .isEqualTo(RunOutcome.COMPLETED);
        GatewayTraffic traffic = run.analysis().traffic().get(GATEWAY);
        Events.TrafficSummary gatling = traffic.summary();
        assertThat(gatling).as("Gatling's summary in the journal").isNotNull();

        long churnEnd = run.history().select(Events.PhaseEnded.class).filter(p -> p.index() >= 0)
                .mapToLong(p -> p.at().mono()).max().orElseThrow();
        assertThat(gatling.startMono() + gatling.durationNanos()).as("traffic ended before the churn did")
                .isLessThan(churnEnd);
        // The open model: rate x duration arrivals, spread over the configured time.
        long planned = (long) RATE * SECONDS;
        assertThat(gatling.requests()).as("requests Gatling started").isBetween(planned - ARRIVAL_ROUNDING, planned);
        assertThat(gatling.durationNanos() / 1e9).as("seconds Gatling injected users").isBetween(SECONDS - 0.5,
                SECONDS + 1.0);
        // The probe's own count (one callback per answer) against Gatling's simulation log.
        assertThat(traffic.windows()).hasSizeGreaterThanOrEqualTo(SECONDS)
                .allSatisfy(w -> assertThat(w.ko()).isZero());
        assertThat(traffic.windows().stream().mapToLong(GatewayTraffic.Window::requests).sum())
                .as("answers counted in the windows").isEqualTo(gatling.requests());

        // Every answer a 200 from the route's own backend; the stable routes use both backends, so an
        // answer from the wrong one would be a failed check (TrafficProbeTest shows it is).
        List<Events.OpInvoked> stable = stableRouteWrites(run.history());
        assertThat(stable).hasSize(3);
        assertThat(stable.stream().map(Events.OpInvoked::backend).distinct())
                .as("backends of the stable routes").hasSizeGreaterThan(1);
        assertThat(gatling.ok()).isEqualTo(gatling.requests());
        assertThat(gatling.ko()).as("errors on stable routes: " + gatling.errors()).isZero();
        assertThat(gatling.errors()).isEmpty();
        assertThat(gatling.byStatus()).containsOnlyKeys("200").containsEntry("200", gatling.requests());
        assertThat(gatling.wrongBackend()).isZero();
        assertThat(Path.of(gatling.report()).resolve("index.html")).isRegularFile();

        // wrk: one of the stable routes Gatling sent to, untouched by the churn, for its configured time.
        Events.WrkSummary wrk = traffic.wrk();
        assertThat(wrk).as("wrk's summary in the journal").isNotNull();
        assertThat(stable).as("wrk measured a stable route")
                .anySatisfy(op -> {
                    assertThat(op.host()).isEqualTo(wrk.host());
                    assertThat(op.path()).isEqualTo(wrk.path());
                });
        Set<String> stableKeys = stable.stream().map(op -> op.route().toString()).collect(Collectors.toSet());
        assertThat(run.history().select(Events.OpInvoked.class).filter(op -> stableKeys.contains(op.route().toString())))
                .as("writes to stable routes").hasSize(stable.size());
        assertThat(wrk.connections()).isEqualTo(1);
        assertThat(wrk.errors()).as("wrk's non-2xx answers and socket errors").isZero();
        assertThat(wrk.requests()).isPositive();
        assertThat(wrk.requests() / wrk.requestsPerSecond()).as("seconds wrk ran (its count over its rate)")
                .isBetween(WRK_SECONDS - 0.5, WRK_SECONDS + 1.0);
        System.out.printf("traffic: Gatling %d requests at %d/s injected over %.2f s, p50=%d p99=%d max=%d ms; "
                        + "wrk -c1 %d requests (%.0f/s) p50=%.3f p99=%.3f max=%.3f ms%n",
                gatling.requests(), RATE, gatling.durationNanos() / 1e9, gatling.p50Ms(), gatling.p99Ms(),
                gatling.maxMs(), wrk.requests(), wrk.requestsPerSecond(), wrk.p50Nanos() / 1e6, wrk.p99Nanos() / 1e6,
                wrk.maxNanos() / 1e6);

        String html = Files.readString(run.result().runDir().resolve("report.html"));
        String relative = run.result().runDir().toAbsolutePath().relativize(Path.of(gatling.report())) + "/index.html";
        assertThat(html).contains("Traffic to stable routes").contains("href=\"" + relative + "\"")
                .contains("wrk, as a second opinion").contains("Resources");
    }

    /** The writes of the gateway's setup phase: the stable routes, as the journal recorded them. */
    private static List<Events.OpInvoked> stableRouteWrites(History history) {
        List<Events.OpInvoked> writes = new ArrayList<>();
        boolean inSetup = false;
        for (Event e : history.events()) {
            if (e instanceof Events.PhaseStarted p && p.gateway().equals(GATEWAY)) {
                inSetup = p.kind() == PhaseKind.SETUP;
            } else if (e instanceof Events.PhaseEnded p && p.gateway().equals(GATEWAY)) {
                inSetup = false;
            } else if (inSetup && e instanceof Events.OpInvoked op && op.gateway().equals(GATEWAY)) {
                writes.add(op);
            }
        }
        return writes;
    }
}
