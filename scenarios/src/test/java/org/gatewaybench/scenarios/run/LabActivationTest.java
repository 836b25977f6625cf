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
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs on the real lab data planes: the activation probe sees what each gateway does, and a
 * gateway with a known apply delay is measured at that delay.
 */
class LabActivationTest {

    @TempDir
    Path dir;

    private History run(String gatewayBlock, String phases, String pollInterval) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                name: lab-activation
                tenants: 3
                gateways:
                %s
                churn:
                  concurrency: 4
                  phases:
                %s
                probe:
                  pollInterval: %s
                  timeout: 30s
                """.formatted(gatewayBlock.indent(2).stripTrailing(), phases.indent(4).stripTrailing(), pollInterval));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Runner.Result result = new Runner(Clock.SYSTEM, new PrintStream(console, true, StandardCharsets.UTF_8),
                new FixtureFactory(FixtureOptions.NONE)).run(ScenarioLoader.load(file).withOutput(dir.resolve("runs")));
        assertThat(result.outcome()).as(result.reason() + "\n" + console.toString(StandardCharsets.UTF_8))
                .isEqualTo(RunOutcome.COMPLETED);
        assertThat(CliProcessesGone.under(dir)).isEmpty();
        return JournalReader.read(result.runDir().resolve(JournalReader.NAME));
    }

    private static GatewayActivation activation(History history, String gateway) throws IOException {
        return RunAnalysis.of(history).activation().get(gateway);
    }

    @Test
    void aKnownApplyDelayIsMeasuredAtThatDelay() throws IOException {
        // Routes far apart, so each apply carries one route and waits the full delay D.
        History h = run("""
                - name: lab-haproxy-runtime
                  options:
                    applyDelay: 300ms
                """, """
                - kind: ramp
                  to: 15
                  rate: 2
                """, "2ms");
        LatencyStats s = activation(h, "lab-haproxy-runtime").overall().activation();
        assertThat(s.count()).isEqualTo(15);
        double p50Ms = s.p50Nanos() / 1e6;
        // 10%: the probe's 2 ms polls and the controller's timer are threads of a shared 2-core
        // machine; with other builds on it p50 came out at 318 ms (5% held on an idle machine).
        double tolerance = 0.10 * 300;
        assertThat(p50Ms).as("p50 activation with D = 300 ms").isBetween(300 - tolerance, 300 + tolerance);
    }

    @Test
    void withApplyDelayEachEveryChangeWaitsTheDelayEvenUnderARamp() throws IOException {
        // 20 writes/s with D = 300 ms: once per batch, later changes of a batch would wait less
        // (p50 156 ms measured); with applyDelayEach every change waits D from its acknowledgement.
        History h = run("""
                - name: lab-haproxy-runtime
                  options:
                    applyDelay: 300ms
                    applyDelayEach: true
                """, """
                - kind: ramp
                  to: 60
                  rate: 20
                """, "2ms");
        GatewayActivation a = activation(h, "lab-haproxy-runtime");
        assertThat(a.overall().activation().count()).isEqualTo(60);
        // Load-proof: no route goes live before D after its acknowledgement (once per batch, most would).
        // 5 ms slack: the controller counts D from when the store took the write, which the writer
        // journals as acknowledged a moment later (2 ms measured under load), and the 2 ms polls.
        assertThat(a.ops()).filteredOn(v -> v.state() == OpVerdict.State.REACHED)
                .allSatisfy(v -> assertThat(v.latencyNanos() / 1e6).as("route %s", v.route()).isGreaterThanOrEqualTo(295.0));
        // The median near D: 300-330 ms on a quiet machine; 345 ms measured at load average 13 on 2 cores.
        assertThat(a.overall().activation().p50Nanos() / 1e6).as("p50 with D = 300 ms at 20 writes/s")
                .isBetween(295.0, 400.0);
    }

    @Test
    void nginxWithA2sSyncRateLimitNeverGoesLiveBeforeTheNextAllowedReload() throws IOException {
        History h = run("""
                - name: lab-nginx-reload
                  options:
                    syncRateLimit: 2s
                """, """
                - kind: ramp
                  to: 60
                  rate: 20
                """, "10ms");
        List<Long> reloadStarts = h.select(Events.ConfigApplyStarted.class).map(a -> a.at().mono()).toList();
        assertThat(reloadStarts).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < reloadStarts.size(); i++) {
            assertThat(reloadStarts.get(i) - reloadStarts.get(i - 1)).as("reload %d after the one before", i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        }
        GatewayActivation a = activation(h, "lab-nginx-reload");
        assertThat(a.overall().activation().count()).isEqualTo(60);
        long start = h.select(Events.GatewayStarted.class).findFirst().orElseThrow().at().mono();
        long slack = Duration.ofMillis(5).toNanos(); // a poll already on the wire when the reload took effect
        for (OpVerdict v : a.ops()) {
            long ack = start + Math.round(v.ackedSeconds() * 1e9);
            long lastReloadBefore = reloadStarts.stream().filter(r -> r < ack).reduce((x, y) -> y).orElse(-1L);
            if (lastReloadBefore >= 0) {
                // acked after a reload began: live no earlier than the next reload, 2 s after that one
                assertThat(v.latencyNanos()).as("route %s", v.route())
                        .isGreaterThanOrEqualTo(lastReloadBefore + Duration.ofSeconds(2).toNanos() - ack - slack);
            }
        }
        assertThat(a.overall().activation().maxNanos()).isGreaterThan(Duration.ofMillis(1500).toNanos());
    }

    @Test
    void haproxyMapUpdatesGoLiveWithinTensOfMilliseconds() throws IOException {
        History h = run("""
                - name: lab-haproxy-runtime
                """, """
                - kind: ramp
                  to: 60
                  rate: 30
                - kind: delete-all
                  rate: 30
                """, "2ms");
        GatewayActivation a = activation(h, "lab-haproxy-runtime");
        assertThat(a.overall().activation().count()).isEqualTo(60);
        assertThat(a.overall().deactivation().count()).isEqualTo(60);
        assertThat(a.overall().activation().p50Nanos()).isLessThan(Duration.ofMillis(100).toNanos());
        assertThat(a.overall().deactivation().p50Nanos()).isLessThan(Duration.ofMillis(100).toNanos());
        assertThat(a.overall().errorPolls()).isZero();
        assertThat(h.select(Events.ConfigApplyStarted.class)).allSatisfy(s -> assertThat(s.mechanism())
                .isEqualTo("runtime-api"));
    }
}
