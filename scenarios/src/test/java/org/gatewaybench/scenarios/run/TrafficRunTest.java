package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.scenarios.run.LabRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling traffic to stable routes of lab-haproxy-runtime while other routes churn, and wrk on the
 * same route in the same run: no error on stable routes (HAProxy changes its map without a
 * reload), latency percentiles reported, and both tools' medians agree within {@value #P50_TOLERANCE_MS} ms.
 */
class TrafficRunTest {

    /**
     * Gatling reports whole milliseconds and loopback answers take well under one, so its median is
     * 0 or 1 ms; wrk's is in microseconds. Agreement within 2 ms allows the rounding and a loaded
     * machine, and still fails on a tool that measures something else (a connect per request, a
     * queue in the harness).
     */
    static final long P50_TOLERANCE_MS = 2;

    @TempDir
    Path dir;

    @Test
    void gatlingDuringChurnSeesNoErrorOnStableRoutesAndAgreesWithWrk() throws Exception {
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
                      duration: 5s
                probe:
                  pollInterval: 20ms
                  timeout: 15s
                traffic:
                  rate: 100
                  requestTimeout: 2s
                  wrk:
                    connections: 1
                    duration: 3s
                resources:
                  interval: 500ms
                """);
        assertThat(run.result().outcome()).isEqualTo(RunOutcome.COMPLETED);
        GatewayTraffic traffic = run.analysis().traffic().get("lab-haproxy-runtime");
        Events.TrafficSummary gatling = traffic.summary();
        assertThat(gatling).isNotNull();
        assertThat(gatling.requests()).as("100/s through a churn of about 7 s").isBetween(300L, 2_000L);
        assertThat(gatling.ko()).as("errors on stable routes: " + gatling.errors()).isZero();
        assertThat(gatling.wrongBackend()).isZero();
        assertThat(gatling.byStatus()).containsOnlyKeys("200");
        assertThat(gatling.p50Ms()).isLessThanOrEqualTo(gatling.p75Ms());
        assertThat(gatling.p75Ms()).isLessThanOrEqualTo(gatling.p95Ms());
        assertThat(gatling.p95Ms()).isLessThanOrEqualTo(gatling.p99Ms());
        assertThat(gatling.p99Ms()).isLessThanOrEqualTo(gatling.maxMs());
        assertThat(Path.of(gatling.report()).resolve("index.html")).isRegularFile();
        assertThat(traffic.windows()).hasSizeGreaterThan(3).allSatisfy(w -> assertThat(w.ko()).isZero());

        Events.WrkSummary wrk = traffic.wrk();
        assertThat(wrk).isNotNull();
        assertThat(wrk.errors()).isZero();
        assertThat(wrk.requests()).isPositive();
        double wrkP50Ms = wrk.p50Nanos() / 1e6;
        assertThat(Math.abs(gatling.p50Ms() - wrkP50Ms)).as("Gatling p50 %d ms, wrk p50 %.3f ms", gatling.p50Ms(),
                wrkP50Ms).isLessThanOrEqualTo(P50_TOLERANCE_MS);
        System.out.printf("traffic: Gatling %d requests at 100/s p50=%d p75=%d p95=%d p99=%d max=%d ms; "
                        + "wrk -c1 %d requests (%.0f/s) p50=%.3f p75=%.3f p90=%.3f p99=%.3f max=%.3f ms%n",
                gatling.requests(), gatling.p50Ms(), gatling.p75Ms(), gatling.p95Ms(), gatling.p99Ms(), gatling.maxMs(),
                wrk.requests(), wrk.requestsPerSecond(), wrkP50Ms, wrk.p75Nanos() / 1e6, wrk.p90Nanos() / 1e6,
                wrk.p99Nanos() / 1e6, wrk.maxNanos() / 1e6);

        String html = Files.readString(run.result().runDir().resolve("report.html"));
        String relative = run.result().runDir().toAbsolutePath().relativize(Path.of(gatling.report())) + "/index.html";
        assertThat(html).contains("Traffic to stable routes").contains("href=\"" + relative + "\"")
                .contains("wrk, as a second opinion").contains("Resources");
    }
}
