package org.gatewaybench.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.testing.LoopbackBackend;
import org.junit.jupiter.api.Test;

/** The scraper against a real loopback HTTP server serving a text exposition. */
class MetricsScraperTest {

    private final RecordingJournal journal = new RecordingJournal();

    @Test
    void selectedMetricsAreJournaledOnTheInterval() {
        try (LoopbackBackend exporter = LoopbackBackend.start("metrics", Duration.ZERO,
                "text/plain; version=0.0.4", PrometheusTextTest.INGRESS_NGINX)) {
            URI url = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
            Set<String> names = Set.of("nginx_ingress_controller_success", "process_resident_memory_bytes",
                    "nginx_ingress_controller_request_duration_seconds_count");
            MetricsScraper scraper = new MetricsScraper("ingress-nginx", url, names, Duration.ofSeconds(2), journal,
                    Clock.SYSTEM);
            try (scraper) {
                scraper.start(Duration.ofMillis(100));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> journal.history().select(Events.GatewayMetric.class).count() >= 9);
            }
        }
        List<Events.GatewayMetric> metrics = journal.history().select(Events.GatewayMetric.class).toList();
        assertThat(metrics).extracting(Events.GatewayMetric::name).containsOnly("nginx_ingress_controller_success",
                "process_resident_memory_bytes", "nginx_ingress_controller_request_duration_seconds_count");
        assertThat(metrics).allSatisfy(m -> assertThat(m.gateway()).isEqualTo("ingress-nginx"));
        assertThat(metrics).filteredOn(m -> m.name().equals("nginx_ingress_controller_success")).first()
                .satisfies(m -> {
                    assertThat(m.value()).isEqualTo(42.0);
                    assertThat(m.labels()).containsEntry("controller_class", "k8s.io/ingress-nginx");
                });
        assertThat(journal.history().select(Events.Note.class)).isEmpty();
    }

    @Test
    void aFamilyNameSelectsAllItsSeries() {
        try (LoopbackBackend exporter = LoopbackBackend.start("metrics", Duration.ZERO, "text/plain",
                PrometheusTextTest.ENVOY)) {
            MetricsScraper scraper = new MetricsScraper("envoy-gateway",
                    URI.create("http://127.0.0.1:" + exporter.port() + "/stats/prometheus"),
                    Set.of("envoy_http_downstream_rq_time"), Duration.ofSeconds(2), journal, Clock.SYSTEM);
            assertThat(scraper.scrapeOnce()).isEqualTo(4);
        }
        assertThat(journal.history().select(Events.GatewayMetric.class).map(Events.GatewayMetric::labels))
                .contains(Map.of("envoy_http_conn_manager_prefix", "http-10080", "le", "+Inf"));
    }

    @Test
    void aDeadEndpointIsNotedOnceAndItsRecoveryToo() {
        int port;
        MetricsScraper scraper;
        try (LoopbackBackend exporter = LoopbackBackend.start("metrics", Duration.ZERO, "text/plain",
                "up 1\n")) {
            port = exporter.port();
            scraper = new MetricsScraper("lab", URI.create("http://127.0.0.1:" + port + "/metrics"), Set.of("up"),
                    Duration.ofSeconds(1), journal, Clock.SYSTEM);
            assertThat(scraper.scrapeOnce()).isEqualTo(1);
        }
        assertThat(scraper.scrapeOnce()).isEqualTo(-1);
        assertThat(scraper.scrapeOnce()).isEqualTo(-1);
        List<Events.Note> notes = journal.history().select(Events.Note.class).toList();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).level()).isEqualTo(NoteLevel.WARNING);
        assertThat(notes.get(0).message()).contains("127.0.0.1:" + port);
    }
}
