package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.lab.haproxy.HaproxyRuntimeDriver;
import org.gatewaybench.gateways.lab.nginx.NginxReloadDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab data planes at scale: nginx's reload time at 1k, 5k and 20k routes and HAProxy's time
 * to apply 20k routes. A benchmark (tag "bench"), not part of the normal build; run with
 * <pre>./mvnw -B -pl gateways -am verify -Dtest=LabScaleBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results: gateways/target/lab-scale-bench.txt and docs/lab-gateways.md. Times come from the
 * journal (ConfigApplyStarted to Ended).
 */
@Tag("bench")
class LabScaleBench {

    private static final Duration LOAD_BOUND = Duration.ofMinutes(5);
    private static final int RELOADS_PER_SIZE = 5;

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    @Test
    void nginxReloadAndHaproxyApplyTimesUpTo20000Routes() throws IOException {
        try (TestBackend one = new TestBackend("one"); TestBackend two = new TestBackend("two")) {
            for (int routes : List.of(1_000, 5_000, 20_000)) {
                nginxReloadTime(routes, one, two);
            }
            haproxyApplyTime(20_000, one, two);
        }
        Files.write(Path.of("target", "lab-scale-bench.txt"), lines);
    }

    private void nginxReloadTime(int count, TestBackend one, TestBackend two) {
        RecordingJournal journal = new RecordingJournal();
        try (EmbeddedFixture fixture = new EmbeddedFixture(dir.resolve("nginx-" + count))) {
            fixture.start();
            Gateway gateway = install(new NginxReloadDriver(), fixture, journal, Map.of(), one, two);
            try {
                long start = System.nanoTime();
                List<Route> routes = load(gateway, count, one);
                awaitQuiet(journal, gateway, routes.get(count - 1).host(), "one");
                record("nginx %d routes: initial load served after %d ms in %d reloads", count,
                        (System.nanoTime() - start) / 1_000_000, starts(journal).size());
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < RELOADS_PER_SIZE; i++) {
                    int before = ends(journal).size();
                    gateway.routes().update(routes.get(i).withBackend(two.backend()));
                    await().atMost(LOAD_BOUND).until(() -> ends(journal).size() > before);
                    millis.add(lastApplyMillis(journal));
                }
                Collections.sort(millis);
                long configBytes = Files.size(Path.of(gateway.details().get("config")));
                record("nginx %d routes: reload (SIGHUP to old workers retired) median %d ms, max %d ms over %d reloads;"
                        + " nginx.conf %d KiB", count, millis.get(millis.size() / 2), millis.get(millis.size() - 1),
                        millis.size(), configBytes / 1024);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                gateway.close();
            }
        }
    }

    private void haproxyApplyTime(int count, TestBackend one, TestBackend two) {
        RecordingJournal journal = new RecordingJournal();
        try (EmbeddedFixture fixture = new EmbeddedFixture(dir.resolve("haproxy-" + count))) {
            fixture.start();
            // The apply delay gathers all creates into one batch, so one apply carries every route.
            Gateway gateway = install(new HaproxyRuntimeDriver(), fixture, journal, Map.of("applyDelay", "3s"), one, two);
            try {
                List<Route> routes = load(gateway, count, one);
                awaitQuiet(journal, gateway, routes.get(count - 1).host(), "one");
                Events.ConfigApplyStarted first = starts(journal).get(0);
                record("haproxy %d routes in one batch (%d changes): runtime API apply %d ms (%s)", count,
                        first.changes(), lastApplyMillis(journal), ends(journal).get(0).detail());
            } finally {
                gateway.close();
            }
        }
        RecordingJournal streaming = new RecordingJournal();
        try (EmbeddedFixture fixture = new EmbeddedFixture(dir.resolve("haproxy-stream-" + count))) {
            fixture.start();
            Gateway gateway = install(new HaproxyRuntimeDriver(), fixture, streaming, Map.of(), one, two);
            try {
                long start = System.nanoTime();
                List<Route> routes = load(gateway, count, one);
                awaitQuiet(streaming, gateway, routes.get(count - 1).host(), "one");
                long applyNanos = 0;
                List<Events.ConfigApplyStarted> s = starts(streaming);
                List<Events.ConfigApplyEnded> e = ends(streaming);
                for (int i = 0; i < s.size(); i++) {
                    applyNanos += e.get(i).at().mono() - s.get(i).at().mono();
                }
                record("haproxy %d routes created as fast as one thread can: last served after %d ms,"
                        + " %d batches, %d ms inside applies", count, (System.nanoTime() - start) / 1_000_000,
                        s.size(), applyNanos / 1_000_000);
            } finally {
                gateway.close();
            }
        }
    }

    private Gateway install(GatewayDriver driver, EmbeddedFixture fixture, RecordingJournal journal,
                            Map<String, String> options, TestBackend one, TestBackend two) {
        return driver.install(new InstallContext(fixture, journal, Clock.SYSTEM, options,
                List.of(one.backend(), two.backend()), fixture.workDir().resolve(driver.name())));
    }

    private static List<Route> load(Gateway gateway, int count, TestBackend backend) {
        List<Route> routes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Route r = new Route(new RouteKey("tenant-" + (i % 100), "route-" + i), "host-" + i + ".example", "/",
                    backend.backend(), 1);
            routes.add(r);
            gateway.routes().create(r);
        }
        return routes;
    }

    /** Waits until the last route is served and no apply is running. */
    private static void awaitQuiet(RecordingJournal journal, Gateway gateway, String host, String backendId) {
        await().atMost(LOAD_BOUND).pollInterval(Duration.ofMillis(50))
                .until(() -> LabHttp.get(gateway.dataPlane(), host, "/").servedBy(backendId)
                        && ends(journal).size() == starts(journal).size());
        assertThat(ends(journal)).allSatisfy(e -> assertThat(e.ok()).as(e.detail()).isTrue());
    }

    private static long lastApplyMillis(RecordingJournal journal) {
        List<Events.ConfigApplyStarted> s = starts(journal);
        List<Events.ConfigApplyEnded> e = ends(journal);
        return (e.get(e.size() - 1).at().mono() - s.get(s.size() - 1).at().mono()) / 1_000_000;
    }

    private static List<Events.ConfigApplyStarted> starts(RecordingJournal journal) {
        return journal.events().stream().filter(Events.ConfigApplyStarted.class::isInstance)
                .map(Events.ConfigApplyStarted.class::cast).toList();
    }

    private static List<Events.ConfigApplyEnded> ends(RecordingJournal journal) {
        return journal.events().stream().filter(Events.ConfigApplyEnded.class::isInstance)
                .map(Events.ConfigApplyEnded.class::cast).toList();
    }

    private void record(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        lines.add(line);
    }
}
