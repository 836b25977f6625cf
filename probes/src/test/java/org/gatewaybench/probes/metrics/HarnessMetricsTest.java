package org.gatewaybench.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

/** The harness metrics fed by journal events, scraped over HTTP and read back with our parser. */
class HarnessMetricsTest {

    private static final String GW = "lab-nginx-reload";
    private static final RouteKey R1 = new RouteKey("t1", "r1");
    private static final RouteKey R2 = new RouteKey("t1", "r2");

    private long mono = 1_000;

    private Stamp at() {
        mono += 1_000_000;
        return new Stamp(mono, 0);
    }

    private Events.ProbePoll poll(long op, RouteKey route, PollOutcome outcome) {
        Stamp s = at();
        return new Events.ProbePoll(s, GW, op, route, Expect.PRESENT, outcome, outcome == PollOutcome.OK ? 200 : 404, null,
                s.mono() - 1, 1_000_000);
    }

    @Test
    void journalEventsBecomeMetricsServedOnLoopback() throws Exception {
        RecordingJournal recorded = new RecordingJournal();
        try (HarnessMetrics metrics = new HarnessMetrics()) {
            Journal journal = metrics.observing(recorded);
            List<Event> events = List.of(
                    new Events.OpCompleted(at(), GW, 1, OpKind.CREATE, R1, true, null, null),
                    new Events.OpCompleted(at(), GW, 2, OpKind.CREATE, R2, true, null, null),
                    new Events.OpCompleted(at(), GW, 3, OpKind.CREATE, R2, false, "already exists", Refusal.CONTENDED),
                    poll(1, R1, PollOutcome.NOT_YET), poll(1, R1, PollOutcome.OK), poll(1, R1, PollOutcome.ERROR),
                    poll(1, R1, PollOutcome.OK), poll(1, R1, PollOutcome.OK), poll(1, R1, PollOutcome.OK), poll(1, R1, PollOutcome.OK),
                    poll(2, R2, PollOutcome.NOT_YET),
                    new Events.ConfigApplyStarted(new Stamp(10_000_000_000L, 0), GW, 7, "reload", 2, 1),
                    new Events.ConfigApplyEnded(new Stamp(10_300_000_000L, 0), GW, 7, "reload", true, null),
                    new Events.TrafficWindow(at(), GW, 0, 1_000_000_000, 50, 48, 2, Map.of("200", 48L, "502", 2L), 0,
                            1, 3, 9),
                    new Events.ResourceSummary(at(), GW, "nginx", 4, 2, 1, 3.5, 30_000_000),
                    new Events.HarnessLag(at(), GW, HarnessComponent.CHURN, 250_000_000, 12));
            events.forEach(journal::append);

            int port = metrics.serve(0);
            List<MetricSample> scraped = scrape(port);
            assertThat(value(scraped, "gatewaybench_route_ops_total", Map.of("gateway", GW, "kind", "create",
                    "outcome", "ok"))).isEqualTo(2);
            assertThat(value(scraped, "gatewaybench_route_ops_total", Map.of("gateway", GW, "kind", "create",
                    "outcome", "refused"))).isEqualTo(1);
            // r1 reached 3 OK in a row (the error broke the first streak); r2 is still pending.
            assertThat(value(scraped, "gatewaybench_routes_activated_total", Map.of("gateway", GW,
                    "expect", "present"))).isEqualTo(1);
            assertThat(value(scraped, "gatewaybench_routes_pending", Map.of("gateway", GW))).isEqualTo(1);
            assertThat(value(scraped, "gatewaybench_probe_polls_total", Map.of("gateway", GW, "outcome", "ok")))
                    .isEqualTo(5);
            assertThat(value(scraped, "gatewaybench_probe_polls_total", Map.of("gateway", GW, "outcome", "error")))
                    .isEqualTo(1);
            assertThat(value(scraped, "gatewaybench_config_applies_total", Map.of("gateway", GW,
                    "mechanism", "reload", "outcome", "ok"))).isEqualTo(1);
            assertThat(value(scraped, "gatewaybench_config_apply_seconds_sum", Map.of("gateway", GW,
                    "mechanism", "reload"))).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(value(scraped, "gatewaybench_traffic_requests_total", Map.of("gateway", GW, "outcome", "ko")))
                    .isEqualTo(2);
            assertThat(value(scraped, "gatewaybench_gateway_rss_bytes", Map.of("gateway", GW, "component", "nginx")))
                    .isEqualTo(30_000_000);
            assertThat(value(scraped, "gatewaybench_gateway_workers", Map.of("gateway", GW, "component", "nginx",
                    "state", "draining"))).isEqualTo(1);
            assertThat(value(scraped, "gatewaybench_harness_lag_seconds", Map.of("gateway", GW,
                    "component", "churn"))).isEqualTo(0.25);
            assertThat(value(scraped, "gatewaybench_journal_events_total", Map.of("type", "probe-poll")))
                    .isEqualTo(8);

            // The probe gives up on r2: no longer pending.
            journal.append(new Events.ProbeGaveUp(at(), GW, 2, R2, Expect.PRESENT, 30_000_000_000L));
            List<MetricSample> later = scrape(port);
            assertThat(value(later, "gatewaybench_routes_pending", Map.of("gateway", GW))).isZero();
            assertThat(value(later, "gatewaybench_routes_gave_up_total", Map.of("gateway", GW, "expect", "present")))
                    .isEqualTo(1);

            assertThat(recorded.events()).hasSize(events.size() + 1);
            assertThatThrownBy(() -> metrics.serve(0)).hasMessageContaining("already served on port " + port);
        }
    }

    @Test
    void anImpossiblePortIsRefused() {
        try (HarnessMetrics metrics = new HarnessMetrics()) {
            assertThatThrownBy(() -> metrics.serve(70_000)).hasMessageContaining("found 70000");
        }
    }

    private static List<MetricSample> scrape(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.samples(response.body()).toList();
    }

    private static double value(List<MetricSample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .findFirst().map(MetricSample::value)
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + samples));
    }
}
