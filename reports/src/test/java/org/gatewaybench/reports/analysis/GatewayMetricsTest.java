package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Map;
import org.gatewaybench.reports.GatewayMetricJournals;
import org.gatewaybench.reports.Journals;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    private static final String NGINX = GatewayMetricJournals.NGINX;
    private static final String ENVOY = GatewayMetricJournals.ENVOY;

    private static Map<String, GatewayMetrics> analyze(Journals j) throws IOException {
        return RunAnalysis.of(j.history()).metrics();
    }

    private static GatewayMetrics.Series series(GatewayMetrics m, String name) {
        return m.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCountersChangeIsItsIncreaseCountingARestartFromZero() throws IOException {
        GatewayMetrics nginx = analyze(GatewayMetricJournals.run()).get(NGINX);
        GatewayMetrics.Series reloads = series(nginx, "nginx_ingress_controller_success");

        assertThat(reloads.kind()).isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(reloads.samples()).isEqualTo(6);
        assertThat(reloads.first()).isEqualTo(4);
        assertThat(reloads.last()).isEqualTo(2);
        // 4 -> 4 -> 5 -> 6: +2; restart to 1: +1; -> 2: +1.
        assertThat(reloads.change()).isEqualTo(4);
        assertThat(reloads.resets()).isEqualTo(1);
        assertThat(reloads.min()).isEqualTo(1);
        assertThat(reloads.max()).isEqualTo(6);
        assertThat(reloads.changes()).isEqualTo(4);
        assertThat(reloads.firstSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(reloads.lastSeconds()).isCloseTo(6.0, within(1e-9));
        assertThat(reloads.labels()).containsExactly(Map.entry("controller_class", "k8s.io/ingress-nginx"),
                Map.entry("controller_pod", "c-1"));
        assertThat(reloads.id()).isEqualTo(
                "nginx_ingress_controller_success{controller_class=\"k8s.io/ingress-nginx\",controller_pod=\"c-1\"}");
        assertThat(series(nginx, "nginx_ingress_controller_errors").change()).as("one failed reload").isEqualTo(1);
    }

    @Test
    void aGaugesChangeIsLastMinusFirstAndNonFiniteSamplesAreLeftOut() throws IOException {
        GatewayMetrics envoy = analyze(GatewayMetricJournals.run()).get(ENVOY);
        GatewayMetrics.Series queue = series(envoy, "apisix_ingress_status_update_queue_length");

        assertThat(queue.kind()).isEqualTo(GatewayMetrics.Kind.GAUGE);
        assertThat(queue.samples()).as("the NaN sample is not counted").isEqualTo(2);
        assertThat(queue.change()).isEqualTo(-8.5);
        assertThat(queue.resets()).isZero();
        assertThat(queue.firstSeconds()).as("seconds since this gateway started").isCloseTo(1.0, within(1e-9));

        GatewayMetrics.Series snapshots = series(envoy, "xds_snapshot_update_total");
        assertThat(snapshots.kind()).isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(snapshots.change()).isEqualTo(2);
        assertThat(envoy.series()).extracting(GatewayMetrics.Series::name).as("by name")
                .containsExactly("apisix_ingress_status_update_queue_length",
                        "envoy_cluster_manager_cds_update_rejected", "xds_snapshot_update_total");
    }

    @Test
    void everyGatewayOfTheLayoutHasAnEntryAndOnlyScrapedOnesHaveSeries() throws IOException {
        Map<String, GatewayMetrics> all = analyze(GatewayMetricJournals.run());
        assertThat(all).containsOnlyKeys(NGINX, ENVOY, GatewayMetricJournals.QUIET);
        assertThat(all.get(GatewayMetricJournals.QUIET).any()).isFalse();
        assertThat(all.get(NGINX).any()).isTrue();
    }

    @Test
    void theChartedSeriesAreThoseThatChangedCountersFirst() throws IOException {
        Map<String, GatewayMetrics> all = analyze(GatewayMetricJournals.run());
        assertThat(all.get(NGINX).mostChanging(4)).extracting(GatewayMetrics.Series::name).containsExactly(
                "nginx_ingress_controller_success", "nginx_ingress_controller_errors",
                "nginx_ingress_controller_config_last_reload_successful");
        assertThat(all.get(NGINX).mostChanging(1)).hasSize(1);
        assertThat(all.get(ENVOY).mostChanging(4)).extracting(GatewayMetrics.Series::name)
                .as("the rejected counter never changed").containsExactly("xds_snapshot_update_total",
                        "apisix_ingress_status_update_queue_length");
    }

    @Test
    void counterNamesFollowOpenMetricsAndTheDriversCounters() {
        assertThat(GatewayMetrics.Kind.of("apisix_ingress_adc_sync_total")).isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(GatewayMetrics.Kind.of("request_duration_seconds_bucket")).isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(GatewayMetrics.Kind.of("envoy_listener_manager_lds_update_success"))
                .isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(GatewayMetrics.Kind.of("pilot_xds_pushes")).isEqualTo(GatewayMetrics.Kind.COUNTER);
        assertThat(GatewayMetrics.Kind.of("nginx_ingress_controller_config_hash")).isEqualTo(GatewayMetrics.Kind.GAUGE);
        assertThat(GatewayMetrics.Kind.of("nginx_ingress_controller_config_last_reload_successful_timestamp_seconds"))
                .isEqualTo(GatewayMetrics.Kind.GAUGE);
    }
}
