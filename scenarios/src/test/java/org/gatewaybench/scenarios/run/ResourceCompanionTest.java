package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.resources.ProcessRole;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.lab.nginx.NginxReloadDriver;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource companion on a real lab nginx: with a long event stream held open through each
 * worker generation, every reload leaves one more old worker draining, and the samples show the
 * process count and the resident memory rising with the reloads.
 */
class ResourceCompanionTest {

    private static final int RELOADS = 3;
    /** The companion samples every 100 ms; this allows a loaded machine. */
    private static final Duration SAMPLED = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void nginxWorkersAndMemoryRiseWithReloadsWhileOldWorkersDrain() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                name: resources
                gateways:
                  - name: lab-nginx-reload
                churn:
                  phases:
                    - kind: ramp
                      to: 1
                      rate: 1
                resources:
                  interval: 100ms
                """);
        Scenario scenario = ScenarioLoader.load(file);
        RecordingJournal recorded = new RecordingJournal();
        ObservedJournal journal = new ObservedJournal(recorded);
        List<Socket> streams = new ArrayList<>();
        try (EmbeddedFixture fixture = new EmbeddedFixture(dir.resolve("lab"))) {
            fixture.start();
            List<Backend> backends = fixture.startBackends(1);
            try (Gateway gateway = new NginxReloadDriver().install(new InstallContext(fixture, journal, Clock.SYSTEM,
                    Map.of("workerShutdownTimeout", "20s"), backends, dir.resolve("gw")))) {
                Route stable = new Route(new RouteKey("t0", "stable"), "stable.example", "/",
                        backends.get(0), 1);
                gateway.routes().create(stable);
                int port = gateway.dataPlane().getPort();
                await().atMost(Duration.ofSeconds(10)).until(() -> openStream(port, streams));
                GatewayRun run = new GatewayRun(scenario, scenario.gateways().get(0), gateway, fixture,
                        backends, List.of(stable), dir.resolve("gw"), journal, Clock.SYSTEM);
                Companion companion = ResourceCompanion.start(run).orElseThrow();
                try {
                    // Sampled before the first reload: the baseline.
                    await().atMost(SAMPLED).until(() -> sampledWith(recorded, 0));
                    for (int i = 1; i <= RELOADS; i++) {
                        long appliesBefore = recorded.history().select(Events.ConfigApplyEnded.class).count();
                        gateway.routes().create(new Route(new RouteKey("t0", "r" + i), "r" + i + ".example", "/",
                                backends.get(0), 1));
                        await().atMost(Duration.ofSeconds(10)).until(() ->
                                recorded.history().select(Events.ConfigApplyEnded.class).count() > appliesBefore);
                        // A stream on the new generation keeps it draining after the next reload.
                        await().atMost(Duration.ofSeconds(10)).until(() -> openStream(port, streams));
                        int draining = i;
                        await().atMost(SAMPLED).until(() -> sampledWith(recorded, draining));
                    }
                } finally {
                    companion.close();
                }
            }
        } finally {
            streams.forEach(ResourceCompanionTest::closeQuietly);
        }

        List<Events.ResourceSummary> summaries = nginxSummaries(recorded);
        Events.ResourceSummary first = summaries.get(0);
        assertThat(first.workers()).isEqualTo(1);
        assertThat(first.drainingWorkers()).isZero();
        Events.ResourceSummary peak = summaries.stream()
                .max(java.util.Comparator.comparingInt(Events.ResourceSummary::drainingWorkers)).orElseThrow();
        assertThat(peak.drainingWorkers()).as("one old worker per reload still serves its stream")
                .isEqualTo(RELOADS);
        assertThat(peak.workers()).as("plus the current generation").isEqualTo(1);
        assertThat(peak.processes()).isEqualTo(RELOADS + 2);
        assertThat(peak.rssBytes()).as("memory rises with the draining workers").isGreaterThan(first.rssBytes());
        // The count rose step by step with the reloads (each step was awaited above), never back down
        // while the streams were held.
        assertThat(summaries).extracting(Events.ResourceSummary::drainingWorkers).isSorted();
        assertThat(recorded.history().select(Events.ResourceSample.class).filter(s -> s.role() == ProcessRole.DRAINING_WORKER))
                .isNotEmpty();
    }

    private static List<Events.ResourceSummary> nginxSummaries(RecordingJournal recorded) {
        return recorded.history().select(Events.ResourceSummary.class).filter(s -> s.component().equals("nginx"))
                .toList();
    }

    /** Whether a sample of nginx showed {@code draining} old workers. */
    private static boolean sampledWith(RecordingJournal recorded, int draining) {
        return nginxSummaries(recorded).stream().anyMatch(s -> s.drainingWorkers() == draining);
    }

    /**
     * Opens an event stream through nginx to the backend on a raw socket (the JDK's client refuses a
     * Host header of our choosing); true when the answer's status line says 200. The socket stays open.
     */
    private static boolean openStream(int port, List<Socket> streams) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /events/stream HTTP/1.1\r\nHost: stable.example\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            if (status != null && status.startsWith("HTTP/1.1 200")) {
                streams.add(socket);
                return true;
            }
        } catch (IOException notYet) {
            // the route is not active yet: try again
        }
        closeQuietly(socket);
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing to do
        }
    }
}
