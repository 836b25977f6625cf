package org.gatewaybench.probes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** Shaped like ingress-nginx controller 1.15 on port 10254 (trimmed). */
    static final String INGRESS_NGINX = """
            # HELP nginx_ingress_controller_config_last_reload_successful Whether the last configuration reload attempt was successful
            # TYPE nginx_ingress_controller_config_last_reload_successful gauge
            nginx_ingress_controller_config_last_reload_successful{controller_class="k8s.io/ingress-nginx",controller_namespace="ingress-nginx",controller_pod="ingress-nginx-controller-7d9b7d6c6-x2x7k"} 1
            # HELP nginx_ingress_controller_success Cumulative number of Ingress controller reload operations
            # TYPE nginx_ingress_controller_success counter
            nginx_ingress_controller_success{controller_class="k8s.io/ingress-nginx",controller_namespace="ingress-nginx",controller_pod="ingress-nginx-controller-7d9b7d6c6-x2x7k"} 42
            # HELP nginx_ingress_controller_request_duration_seconds The request processing time in milliseconds
            # TYPE nginx_ingress_controller_request_duration_seconds histogram
            nginx_ingress_controller_request_duration_seconds_bucket{host="t0001.example",ingress="r00001",method="GET",namespace="t0001",path="/",status="200",le="0.005"} 118
            nginx_ingress_controller_request_duration_seconds_bucket{host="t0001.example",ingress="r00001",method="GET",namespace="t0001",path="/",status="200",le="+Inf"} 120
            nginx_ingress_controller_request_duration_seconds_sum{host="t0001.example",ingress="r00001",method="GET",namespace="t0001",path="/",status="200"} 0.31
            nginx_ingress_controller_request_duration_seconds_count{host="t0001.example",ingress="r00001",method="GET",namespace="t0001",path="/",status="200"} 120
            # HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.
            # TYPE go_gc_duration_seconds summary
            go_gc_duration_seconds{quantile="0"} 2.8e-05
            go_gc_duration_seconds{quantile="1"} NaN
            go_gc_duration_seconds_sum 0.0123
            go_gc_duration_seconds_count 17
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes 4.5056e+07
            """;

    /** Shaped like Envoy's /stats/prometheus (trimmed): empty label sets, no HELP. */
    static final String ENVOY = """
            # TYPE envoy_cluster_upstream_cx_active gauge
            envoy_cluster_upstream_cx_active{envoy_cluster_name="httproute/t0001/r00001/rule/0"} 3
            envoy_cluster_upstream_cx_active{envoy_cluster_name="httproute/t0002/r00001/rule/0"} 0
            # TYPE envoy_server_memory_allocated gauge
            envoy_server_memory_allocated{} 9876543
            # TYPE envoy_http_downstream_rq_time histogram
            envoy_http_downstream_rq_time_bucket{envoy_http_conn_manager_prefix="http-10080",le="0.5"} 7
            envoy_http_downstream_rq_time_bucket{envoy_http_conn_manager_prefix="http-10080",le="+Inf"} 9
            envoy_http_downstream_rq_time_sum{envoy_http_conn_manager_prefix="http-10080"} 12.5
            envoy_http_downstream_rq_time_count{envoy_http_conn_manager_prefix="http-10080"} 9
            """;

    @Test
    void ingressNginxFamiliesTypesHelpAndHistogramParts() {
        List<MetricFamily> families = PrometheusText.parse(INGRESS_NGINX);
        assertThat(families).extracting(MetricFamily::name).containsExactly(
                "nginx_ingress_controller_config_last_reload_successful", "nginx_ingress_controller_success",
                "nginx_ingress_controller_request_duration_seconds", "go_gc_duration_seconds",
                "process_resident_memory_bytes");
        MetricFamily reload = families.get(0);
        assertThat(reload.type()).isEqualTo("gauge");
        assertThat(reload.help()).isEqualTo("Whether the last configuration reload attempt was successful");
        assertThat(reload.samples().get(0).labels()).containsEntry("controller_namespace", "ingress-nginx");
        assertThat(reload.samples().get(0).value()).isEqualTo(1.0);

        MetricFamily duration = families.get(2);
        assertThat(duration.type()).isEqualTo("histogram");
        assertThat(duration.samples()).extracting(MetricSample::name).containsExactly(
                "nginx_ingress_controller_request_duration_seconds_bucket",
                "nginx_ingress_controller_request_duration_seconds_bucket",
                "nginx_ingress_controller_request_duration_seconds_sum",
                "nginx_ingress_controller_request_duration_seconds_count");
        assertThat(duration.samples().get(1).label("le")).isEqualTo("+Inf");
        assertThat(duration.samples().get(2).value()).isEqualTo(0.31);

        assertThat(families.get(3).samples().get(1).value()).isNaN();
        assertThat(families.get(3).samples()).hasSize(4);
        assertThat(families.get(4).samples().get(0).value()).isEqualTo(45_056_000.0);
        assertThat(families.get(4).samples().get(0).labels()).isEmpty();
    }

    @Test
    void envoyEmptyLabelSetsAndUntypedNeighbours() {
        List<MetricFamily> families = PrometheusText.parse(ENVOY);
        assertThat(families).hasSize(3);
        assertThat(families.get(0).samples()).extracting(s -> s.label("envoy_cluster_name"))
                .containsExactly("httproute/t0001/r00001/rule/0", "httproute/t0002/r00001/rule/0");
        assertThat(families.get(1).samples().get(0).labels()).isEmpty();
        assertThat(families.get(1).samples().get(0).value()).isEqualTo(9_876_543.0);
        assertThat(families.get(2).samples()).hasSize(4);
        assertThat(families.get(1).help()).isEmpty();
    }

    @Test
    void escapedLabelValuesTimestampsInfinitiesAndComments() {
        String text = """
                # a plain comment
                # HELP weird Help with a \\\\ backslash and a \\n newline
                weird{path="/a\\"b\\\\c\\nd",empty="" , trailing="x",} +Inf 1712345678901
                weird{path="/"} -Inf
                untyped_thing 3
                """;
        List<MetricFamily> families = PrometheusText.parse(text);
        MetricFamily weird = families.get(0);
        assertThat(weird.type()).isEqualTo("untyped");
        assertThat(weird.help()).isEqualTo("Help with a \\ backslash and a \n newline");
        MetricSample first = weird.samples().get(0);
        assertThat(first.labels()).isEqualTo(Map.of("path", "/a\"b\\c\nd", "empty", "", "trailing", "x"));
        assertThat(first.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(first.timestampMillis()).hasValue(1_712_345_678_901L);
        assertThat(weird.samples().get(1).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(weird.samples().get(1).timestampMillis()).isEmpty();
        assertThat(families.get(1).name()).isEqualTo("untyped_thing");
    }

    @Test
    void brokenLinesAreNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbad{a=\"x} 1\n"))
                .hasMessageContaining("line 2").hasMessageContaining("closing '\"'");
        assertThatThrownBy(() -> PrometheusText.parse("m{a=\"x\" b=\"y\"} 1"))
                .hasMessageContaining("line 1").hasMessageContaining("',' or '}'");
        assertThatThrownBy(() -> PrometheusText.parse("m one"))
                .hasMessageContaining("a sample value").hasMessageContaining("one");
        assertThatThrownBy(() -> PrometheusText.parse("m 1 soon"))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE m sometimes"))
                .hasMessageContaining("metric type");
        assertThatThrownBy(() -> PrometheusText.parse("{a=\"b\"} 1"))
                .hasMessageContaining("a metric name");
    }
}
