package org.gatewaybench.probes.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.testing.LoopbackBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic probe with Gatling running for real against loopback servers. */
class TrafficProbeTest {

    private static final int WRK_CONNECTIONS = 8;

    @TempDir
    Path runDir;

    private final RecordingJournal journal = new RecordingJournal();

    private static Route route(String name, String host, String path, String backendId, int port) {
        return new Route(new RouteKey("t1", name), host, path, new Backend(backendId, "127.0.0.1", port), 1);
    }

    @Test
    void steadyTrafficIsCountedPerSecondAndSummarisedOverKeptAliveConnections() throws Exception {
        try (LoopbackBackend backend = LoopbackBackend.start("b0")) {
            List<Route> routes = List.of(route("r1", "one.example", "/a", "b0", backend.port()),
                    route("r2", "two.example", "/b", "b0", backend.port()));
            TrafficPlan plan = new TrafficPlan("lab", backend.address(), routes, 40, Duration.ofSeconds(3),
                    Duration.ofSeconds(5), runDir.resolve("gatling"));

            TrafficResult result = new TrafficProbe(journal, Clock.SYSTEM).start(plan).get(2, TimeUnit.MINUTES);

            GatlingStats g = result.gatling();
            // Gatling's open model starts the planned arrivals; allow its rounding at the edges.
            assertThat(g.requests()).isBetween(plan.plannedRequests() - 5, plan.plannedRequests());
            assertThat(g.ko()).isZero();
            assertThat(g.ok()).isEqualTo(g.requests());
            assertThat(g.errors()).isEmpty();
            assertThat(result.byStatus()).containsOnlyKeys("200").containsEntry("200", g.requests());
            assertThat(result.wrongBackend()).isZero();
            // Round-robin over the routes, each with its own Host header.
            assertThat(backend.requestsFor("one.example") + backend.requestsFor("two.example"))
                    .isEqualTo(g.requests());
            assertThat(backend.requestsFor("one.example")).isGreaterThanOrEqualTo(g.requests() / 2 - 1);
            // Keep-alive across users: far fewer connections than requests.
            assertThat(backend.clientConnections()).isLessThan((int) g.requests() / 4);

            List<Events.TrafficWindow> windows = journal.history().select(Events.TrafficWindow.class).toList();
            assertThat(windows).isEqualTo(result.windows());
            assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
            assertThat(windows.stream().mapToLong(Events.TrafficWindow::requests).sum()).isEqualTo(g.requests());
            assertThat(windows).allSatisfy(w -> assertThat(w.endMono() - w.startMono()).isEqualTo(1_000_000_000L));
            for (int i = 1; i < windows.size(); i++) {
                assertThat(windows.get(i).startMono()).isGreaterThan(windows.get(i - 1).startMono());
            }

            Events.TrafficSummary summary = journal.history().select(Events.TrafficSummary.class).findFirst().orElseThrow();
            assertThat(summary.requests()).isEqualTo(g.requests());
            assertThat(summary.durationNanos()).isBetween(2_000_000_000L, 4_000_000_000L);
            assertThat(Path.of(summary.report()).resolve("index.html")).isRegularFile();
            assertThat(Path.of(summary.report())).startsWith(runDir.resolve("gatling"));
        }
    }

    @Test
    void wrongBackendAnswersAreErrorsWithGatlingsMessage() throws Exception {
        try (LoopbackBackend backend = LoopbackBackend.start("b0")) {
            List<Route> routes = List.of(route("good", "good.example", "/", "b0", backend.port()),
                    route("moved", "moved.example", "/", "b7", backend.port()));
            TrafficPlan plan = new TrafficPlan("lab", backend.address(), routes, 20, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), runDir);

            TrafficResult result = new TrafficProbe(journal, Clock.SYSTEM).run(plan);

            assertThat(result.wrongBackend()).isEqualTo(backend.requestsFor("moved.example")).isPositive();
            assertThat(result.gatling().ko()).isEqualTo(result.wrongBackend());
            assertThat(result.gatling().errors()).hasSize(1);
            String message = result.gatling().errors().keySet().iterator().next();
            assertThat(message).contains("X-Backend-Id").contains("b7").contains("b0");
            assertThat(result.windows().stream().mapToLong(Events.TrafficWindow::wrongBackend).sum())
                    .isEqualTo(result.wrongBackend());
        }
    }

    @Test
    void aDataPlaneThatRefusesConnectionsGivesNoAnswersNotACrash() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress("127.0.0.1", s.getLocalPort());
        }
        TrafficPlan plan = new TrafficPlan("lab", closed, List.of(route("r1", "one.example", "/", "b0", 9)), 10,
                Duration.ofSeconds(2), Duration.ofSeconds(2), runDir);

        TrafficResult result = new TrafficProbe(journal, Clock.SYSTEM).run(plan);

        assertThat(result.gatling().requests()).isPositive();
        assertThat(result.gatling().ok()).isZero();
        assertThat(result.byStatus()).containsOnlyKeys(TrafficRecorder.NO_ANSWER)
                .containsEntry(TrafficRecorder.NO_ANSWER, result.gatling().requests());
        assertThat(String.join("|", result.gatling().errors().keySet())).containsIgnoringCase("refused");
    }

    /**
     * Gatling (open model, 200 requests/s) and wrk (closed model, 8 connections flat out) against
     * the same loopback route: the backend counts both tools' requests under the route's Host, and
     * both see a loopback-sized median. They measure differently (Gatling in whole ms, at a set rate;
     * wrk in us, saturating), so the bound is generous.
     */
    @Test
    void gatlingAndWrkMeasureTheSameRouteAndSeeALoopbackMedian() throws Exception {
        assertThat(Files.isExecutable(WrkRunner.DEFAULT_BINARY)).as("wrk is not installed: run bin/setup").isTrue();
        try (LoopbackBackend backend = LoopbackBackend.start("b0")) {
            Route r = route("r1", "one.example", "/a", "b0", backend.port());
            TrafficPlan plan = new TrafficPlan("lab", backend.address(), List.of(r), 200, Duration.ofSeconds(5),
                    Duration.ofSeconds(5), runDir);
            TrafficResult gatling = new TrafficProbe(journal, Clock.SYSTEM).run(plan);
            WrkResult wrk = new WrkRunner(WrkRunner.DEFAULT_BINARY)
                    .run(backend.address(), r.host(), r.pathPrefix(), 1, WRK_CONNECTIONS, Duration.ofSeconds(5));

            double gatlingP50 = gatling.gatling().p50Ms();
            double wrkP50 = wrk.p50().toNanos() / 1e6;
            System.out.printf("gatling: %d requests at 200/s, p50 %d ms, p99 %d ms, max %d ms%n",
                    gatling.gatling().requests(), gatling.gatling().p50Ms(), gatling.gatling().p99Ms(),
                    gatling.gatling().maxMs());
            System.out.printf("wrk -t1 -c8: %d requests, %.0f/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    wrk.requests(), wrk.requestsPerSecond(), wrkP50, wrk.p99().toNanos() / 1e6,
                    wrk.max().toNanos() / 1e6);

            assertThat(gatling.gatling().ko()).isZero();
            assertThat(wrk.errorAnswers()).isZero();
            assertThat(wrk.requests()).isGreaterThan(gatling.gatling().requests());
            // wrk does not count the requests still in flight when it stops: at most one per connection.
            assertThat(backend.requestsFor(r.host())).as("requests the backend got for " + r.host())
                    .isBetween(gatling.gatling().requests() + wrk.requests(),
                            gatling.gatling().requests() + wrk.requests() + WRK_CONNECTIONS);
            assertThat(gatlingP50).isLessThan(20);
            assertThat(wrkP50).isLessThan(20);
            assertThat(gatlingP50).isLessThanOrEqualTo(2 * wrkP50 + 5);
            assertThat(wrkP50).isLessThanOrEqualTo(2 * gatlingP50 + 5);
        }
    }
}
