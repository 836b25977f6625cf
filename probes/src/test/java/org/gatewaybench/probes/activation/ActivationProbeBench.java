package org.gatewaybench.probes.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe tracking 1,000 pending routes against the test gateway on loopback, with a real journal
 * file. Excluded from the default build (tag "bench"); run it with
 * <pre>
 * mvn -B -o -pl probes -am verify -Dtest=ActivationProbeBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and read probes/target/activation-probe-bench.txt. The test gateway runs in the same JVM, so the
 * process CPU figure includes it; the probe's own event loop thread is measured separately.
 */
@Tag("bench")
class ActivationProbeBench {

    private static final int ROUTES = 1_000;
    private static final Backend BACKEND = new Backend("b1", "127.0.0.1", 9001);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void thousandPendingRoutes() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(measure("budget 2000/s (the target)", 2_000, 10)).append('\n');
        report.append(measure("budget 50000/s (what the probe can do here)", 50_000, 5)).append('\n');
        Path out = Path.of("target", "activation-probe-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private String measure(String title, int budget, int windowSeconds) throws Exception {
        Path journalFile = dir.resolve("journal-" + budget + ".jsonl");
        ProbeSettings settings = ProbeSettings.defaults().withPollInterval(Duration.ofMillis(5))
                .withMaxRequestsPerSecond(budget).withConnections(16).withTimeout(Duration.ofSeconds(120));
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < ROUTES; i++) {
            routes.add(new Route(new RouteKey("tenant-" + (i % 50), "r" + i), "r" + i + ".bench.test", "/", BACKEND, 1));
        }
        try (TestGateway gateway = new TestGateway();
             JournalWriter journal = JournalWriter.create(journalFile);
             ActivationProbe probe = new ActivationProbe("bench", gateway.address(), settings, journal, Clock.SYSTEM)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUTES; i++) {
                probe.expectPresent(i, routes.get(i), t0, null);
            }
            Thread.sleep(2_000); // warm-up: connections open, the JIT settles

            long requests0 = gateway.requests();
            long cpu0 = processCpuNanos();
            long probeCpu0 = probeThreadCpuNanos();
            long w0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(windowSeconds));
            long w1 = System.nanoTime();
            double seconds = (w1 - w0) / 1e9;
            double rate = (gateway.requests() - requests0) / seconds;
            double processCpu = (processCpuNanos() - cpu0) / 1e9 / seconds;
            double probeCpu = (probeThreadCpuNanos() - probeCpu0) / 1e9 / seconds;
            ProbeStats during = probe.stats();
            long heapMiB = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;

            long enabledAt = System.nanoTime();
            for (Route r : routes) {
                gateway.set(r.host(), TestGateway.Reply.backend("b1"));
            }
            boolean idle = probe.awaitIdle(Duration.ofSeconds(60));
            long allActiveAfter = System.nanoTime() - enabledAt;
            journal.flush();
            assertThat(idle).as("all routes activated").isTrue();
            assertThat(probe.stats().activated()).isEqualTo(ROUTES);
            assertThat(rate).as("requests/s within the budget").isLessThanOrEqualTo(budget * 1.1);

            History history = JournalReader.read(journalFile);
            long[] intervals = history.select(Events.ProbePoll.class)
                    .filter(p -> p.sentMono() >= w0 && p.sentMono() < w1)
                    .mapToLong(Events.ProbePoll::intervalNanos).filter(n -> n > 0).sorted().toArray();
            long[] latencies = activationLatencies(history, enabledAt);
            long lags = history.select(Events.HarnessLag.class).count();
            return String.format(Locale.ROOT, """
                    %s, %d pending routes, pollInterval 5ms, 16 connections, transport %s
                      window %.1f s: gateway saw %.0f requests/s; probe event loop %.0f%% of a core, \
                    whole JVM (probe + test gateway + journal) %.0f%% of a core; heap in use %d MiB
                      journaled intervals in the window: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms \
                    (stats: planned %.1f ms, observed average %.1f ms, lag %.1f ms)
                      harness-lag events: %d
                      all %d routes enabled at once: all activated after %.0f ms; \
                    activation latency p50 %.1f ms, p99 %.1f ms, max %.1f ms
                    """, title, ROUTES, probe.transport(), seconds, rate, probeCpu * 100, processCpu * 100, heapMiB,
                    ms(percentile(intervals, 50)), ms(percentile(intervals, 90)), ms(percentile(intervals, 99)),
                    ms(during.intervalNanos()), ms(during.observedIntervalNanos()), ms(during.lagNanos()), lags,
                    ROUTES, ms(allActiveAfter), ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                    ms(latencies[latencies.length - 1]));
        }
    }

    /** Per route: the core rule over the journaled polls, minus the moment the routes were enabled. */
    private static long[] activationLatencies(History history, long enabledAt) {
        Map<Long, ActivationRule> rules = new HashMap<>();
        history.select(Events.ProbePoll.class).forEach(p -> rules.computeIfAbsent(p.op(), op -> new ActivationRule(3))
                .observe(p.outcome(), p.sentMono()));
        long[] latencies = rules.values().stream().filter(ActivationRule::reached)
                .mapToLong(r -> r.reachedAtSent() - enabledAt).sorted().toArray();
        assertThat(latencies).hasSize(ROUTES);
        return latencies;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long probeThreadCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("activation-probe-"))
                .mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId())))
                .sum();
    }
}
