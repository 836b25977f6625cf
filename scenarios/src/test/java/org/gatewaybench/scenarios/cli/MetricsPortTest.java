package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gatewaybench.probes.metrics.MetricSample;
import org.gatewaybench.probes.metrics.PrometheusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --metrics-port 0}: the CLI, as its own JVM, serves its live metrics on 127.0.0.1
 * while a lab run goes; two scrapes during the churn parse as Prometheus text and show the route
 * write counter rising.
 */
class MetricsPortTest {

    private static final Pattern ADDRESS = Pattern.compile("harness metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)");

    @TempDir
    Path dir;

    @Test
    void liveMetricsAreServedDuringTheRunAndTheRouteCountersRise() throws Exception {
        Path scenario = Files.writeString(dir.resolve("metrics.yaml"), """
                name: metrics
                gateways:
                  - name: lab-nginx-reload
                churn:
                  phases:
                    - kind: ramp
                      to: 150
                      rate: 30
                probe:
                  pollInterval: 50ms
                """);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (CliProcess cli = CliProcess.start(dir, "run", scenario.toString(), "--output", "runs",
                "--metrics-port", "0")) {
            URI metrics = awaitAddress(cli, 60);
            double first = awaitRouteOps(http, metrics, 1, 60);
            // Acknowledged route writes keep counting: 20 more on a later scrape (the churn makes 30 a second).
            awaitRouteOps(http, metrics, first + 20, 30);
            assertThat(cli.await(120)).as(cli.err()).isZero();
        }
    }

    /** The metrics URL the CLI prints once it serves them. */
    private static URI awaitAddress(CliProcess cli, long seconds) {
        return await("the metrics address on the CLI's output").atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ADDRESS.matcher(cli.out()).results().findFirst(), Optional::isPresent)
                .map(m -> URI.create(m.group(1))).orElseThrow();
    }

    /** Scrapes until the sum of gatewaybench_route_ops_total reaches {@code atLeast}; returns it. */
    private static double awaitRouteOps(HttpClient http, URI metrics, double atLeast, long seconds) {
        return await("gatewaybench_route_ops_total reaching " + atLeast).atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> routeOps(http, metrics), ops -> ops >= atLeast);
    }

    private static double routeOps(HttpClient http, URI metrics) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return PrometheusText.samples(page.body()).filter(s -> s.name().equals("gatewaybench_route_ops_total"))
                .mapToDouble(MetricSample::value).sum();
    }
}
