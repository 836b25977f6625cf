package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.summary.LongConnectionSummary;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.SummaryJsonWriter;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run with long connections through both lab gateways, from scenario file to report: the
 * reloading nginx drops WebSockets and event streams its old workers hold when the shutdown
 * timeout ends, each drop attributed to the reload that retired it; HAProxy drops none.
 */
class LongConnectionRunTest {

    private static final String NGINX = "lab-nginx-reload";
    private static final String HAPROXY = "lab-haproxy-runtime";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void theReportCountsReloadDropsForNginxAndNoneForHaproxy() throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                name: long-connection-run
                tenants: 3
                stableRoutes: 2
                gateways:
                  - name: lab-nginx-reload
                    options:
                      syncRateLimit: 1s
                      workerShutdownTimeout: 3s
                  - name: lab-haproxy-runtime
                longConnections:
                  websocket: 3
                  sse: 3
                  http1: 2
                  interval: 500ms
                churn:
                  concurrency: 4
                  phases:
                    - kind: ramp
                      to: 10
                      rate: 20
                    - kind: steady
                      rate: 4
                      population: 10
                      duration: 6s
                probe:
                  pollInterval: 10ms
                  timeout: 20s
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Runner.Result result = new Runner(Clock.SYSTEM, new PrintStream(console, true, StandardCharsets.UTF_8),
                new FixtureFactory(FixtureOptions.NONE)).run(ScenarioLoader.load(file).withOutput(dir.resolve("runs")));
        assertThat(result.outcome()).as(result.reason() + "\n" + console.toString(StandardCharsets.UTF_8))
                .isEqualTo(RunOutcome.COMPLETED);
        assertThat(CliProcessesGone.under(dir)).isEmpty();

        History history = JournalReader.read(result.runDir().resolve(JournalReader.NAME));
        LongConnectionAnalysis.Figures figures = RunAnalysis.of(history).longConnections();
        assertThat(figures.gateways()).containsOnlyKeys(NGINX, HAPROXY);

        // nginx: streams held by old workers drop about the shutdown timeout after the reload that retired them.
        LongConnectionAnalysis.GatewayFigures nginx = figures.gateways().get(NGINX);
        assertThat(nginx.kinds().get(ConnectionKind.WEBSOCKET).drops()).isPositive();
        assertThat(nginx.kinds().get(ConnectionKind.SSE).drops()).isPositive();
        assertThat(nginx.dropsWithoutApply()).isZero();
        List<Events.ConfigApplyStarted> reloads = history.select(Events.ConfigApplyStarted.class)
                .filter(a -> a.gateway().equals(NGINX)).toList();
        long slack = Duration.ofMillis(500).toNanos();
        assertThat(history.select(Events.ConnectionDropped.class)
                .filter(d -> d.gateway().equals(NGINX) && d.kind() != ConnectionKind.HTTP1).toList()).allSatisfy(d -> {
                    assertThat(reloads).extracting(Events.ConfigApplyStarted::apply).contains(d.retiringApply());
                    // The old workers closed it the shutdown timeout after a reload that started while it was
                    // open, or just before it opened: a connection made while a reload is starting can still
                    // land on the workers that reload retires (the probe then names the next reload).
                    assertThat(reloads).anySatisfy(r -> {
                        long since = d.at().mono() - r.at().mono();
                        assertThat(since).isBetween(SHUTDOWN_TIMEOUT.toNanos() - slack,
                                SHUTDOWN_TIMEOUT.toNanos() + 3 * slack);
                        assertThat(r.at().mono()).isGreaterThan(d.at().mono() - d.ageNanos() - slack);
                    });
                });

        // HAProxy: the same churn through runtime-API updates, and no drop at all.
        LongConnectionAnalysis.GatewayFigures haproxy = figures.gateways().get(HAPROXY);
        assertThat(haproxy.configApplies()).isPositive();
        assertThat(haproxy.drops()).isZero();
        assertThat(haproxy.kinds().values()).allSatisfy(k -> assertThat(k.failedReconnects()).isZero());

        // The rendered reports carry the same figures.
        RunSummary summary = SummaryJsonWriter.read(result.runDir().resolve("summary.json"));
        LongConnectionSummary nginxSummary = summary.gateways().stream().filter(g -> g.name().equals(NGINX))
                .findFirst().orElseThrow().longConnections();
        assertThat(nginxSummary.drops()).isEqualTo(nginx.drops());
        assertThat(nginxSummary.dropsPerConfigApply()).isPositive();
        assertThat(summary.gateways().stream().filter(g -> g.name().equals(HAPROXY)).findFirst().orElseThrow()
                .longConnections().drops()).isZero();
        String html = Files.readString(result.runDir().resolve("report.html"));
        assertThat(html).contains("<section id=\"long-connections\">")
                .contains("Long-connection drops over time: " + NGINX)
                .contains("Long connections held over time: " + HAPROXY);
        assertThat(Files.readString(result.runDir().resolve("summary.md"))).contains("## Long connections")
                .contains("| " + HAPROXY + " | 0 |");
    }
}
