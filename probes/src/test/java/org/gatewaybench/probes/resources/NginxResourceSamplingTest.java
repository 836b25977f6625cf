package org.gatewaybench.probes.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.resources.ProcessRole;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.testing.LoopbackBackend;
import org.gatewaybench.probes.testing.NginxProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource probe on a real nginx: master and workers, and a worker draining after a reload. */
class NginxResourceSamplingTest {

    @TempDir
    Path dir;

    private final RecordingJournal journal = new RecordingJournal();

    @Test
    void masterAndWorkersAreSampledOnTheInterval() throws Exception {
        try (LoopbackBackend backend = LoopbackBackend.start("b0");
             NginxProcess nginx = NginxProcess.start(dir, 2, backend.address())) {
            ResourceSampler sampler = new ResourceSampler("lab-nginx-reload", "nginx", nginx.pid(), journal,
                    Clock.SYSTEM);
            ResourceProbe probe = ResourceProbe.start(List.of(sampler), Duration.ofMillis(100), journal, Clock.SYSTEM);
            try (probe) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> journal.history().select(Events.ResourceSummary.class).count() >= 3);
            }

            List<Events.ResourceSummary> summaries = journal.history().select(Events.ResourceSummary.class).toList();
            assertThat(summaries).allSatisfy(s -> {
                assertThat(s.processes()).isEqualTo(3);
                assertThat(s.workers()).isEqualTo(2);
                assertThat(s.drainingWorkers()).isZero();
                assertThat(s.rssBytes()).isPositive();
                assertThat(s.cpuPercent()).isBetween(0.0, 400.0);
            });
            List<Events.ResourceSample> samples = journal.history().select(Events.ResourceSample.class).toList();
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.rssBytes()).isPositive();
                assertThat(s.gateway()).isEqualTo("lab-nginx-reload");
                assertThat(s.component()).isEqualTo("nginx");
            });
            assertThat(samples).filteredOn(s -> s.role() == ProcessRole.MASTER)
                    .allSatisfy(s -> assertThat(s.pid()).isEqualTo(nginx.pid()));
            assertThat(samples.stream().filter(s -> s.role() == ProcessRole.WORKER).map(Events.ResourceSample::pid)
                    .distinct().count()).isEqualTo(2);
            assertThat(journal.history().select(Events.Note.class)).isEmpty();
        }
    }

    @Test
    void aReloadWhileAConnectionIsBusyLeavesAWorkerDraining() throws Exception {
        // The backend holds every answer for 4s: nginx's old worker must finish it after the reload.
        try (LoopbackBackend slow = LoopbackBackend.start("b0", Duration.ofSeconds(4), "text/plain", "late\n");
             NginxProcess nginx = NginxProcess.start(dir, 2, slow.address())) {
            ResourceSampler sampler = new ResourceSampler("lab-nginx-reload", "nginx", nginx.pid(), journal,
                    Clock.SYSTEM);
            ResourceSampler.Snapshot before = sampler.sample();
            assertThat(before.summary().workers()).isEqualTo(2);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            CompletableFuture<HttpResponse<String>> held = client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.address().getPort() + "/slow"))
                            .timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> slow.requestsFor("127.0.0.1") == 1);

            nginx.reload();

            AtomicReference<ResourceSampler.Snapshot> draining = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
                ResourceSampler.Snapshot s = sampler.sample();
                draining.set(s);
                return s.summary().drainingWorkers() >= 1 && s.summary().workers() == 2;
            });
            Events.ResourceSummary during = draining.get().summary();
            assertThat(during.workers() + during.drainingWorkers()).isGreaterThan(before.summary().workers());
            assertThat(draining.get().withRole(ProcessRole.DRAINING_WORKER))
                    .allSatisfy(p -> assertThat(p.rssBytes()).isPositive());
            // The draining worker still answers the held request.
            HttpResponse<String> answer = held.get(15, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("late\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
