package org.gatewaybench.reports;

import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.fault.FaultAction;
import java.util.Map;
import org.gatewaybench.core.journal.Events;

/**
 * A run of two gateways whose own metrics were scraped, as the metrics scraper journals them:
 * ingress-nginx reloads 3 times, its process restarts once (the counter drops) and it fails one
 * reload; envoy-gateway's snapshot counter and a gauge; a gateway without metrics.
 */
public final class GatewayMetricJournals {

    public static final String NGINX = "ingress-nginx";
    public static final String ENVOY = "envoy-gateway";
    public static final String QUIET = "lab-haproxy-runtime";

    private GatewayMetricJournals() {
    }

    public static Journals metric(Journals j, String gateway, double ms, String name, Map<String, String> labels,
                                  double value) {
        return j.append(new Events.GatewayMetric(Journals.at(ms), gateway, name, labels, value));
    }

    /** The sample run; times in ms since the run started, each gateway started at 0 or 10,000. */
    public static Journals run() {
        Journals j = new Journals().runStarted(NGINX, ENVOY, QUIET).gatewayStarted(NGINX, 0);
        Map<String, String> ok = Map.of("controller_class", "k8s.io/ingress-nginx", "controller_pod", "c-1");
        double[] reloads = {4, 4, 5, 6, 1, 2}; // the 5th sample after a restart of the controller: 1 from 0
        for (int i = 0; i < reloads.length; i++) {
            metric(j, NGINX, 1000 + i * 1000, "nginx_ingress_controller_success", ok, reloads[i]);
            metric(j, NGINX, 1000 + i * 1000, "nginx_ingress_controller_errors", ok, i < 3 ? 0 : 1);
            metric(j, NGINX, 1000 + i * 1000, "nginx_ingress_controller_config_last_reload_successful", ok,
                    i == 3 ? 0 : 1);
        }
        j.append(new Events.FaultStarted(Journals.at(4200), NGINX, 1, FaultAction.KILL, FaultTarget.CONTROLLER, "deleted pods"))
                .append(new Events.FaultHealed(Journals.at(4800), NGINX, 1, true, "replacement pods Ready"))
                .apply(NGINX, 1, "reload", 10, 2, 2500, 2600, true);
        j.gatewayStarted(ENVOY, 10_000);
        metric(j, ENVOY, 11_000, "xds_snapshot_update_total", Map.of(), 7);
        metric(j, ENVOY, 12_000, "xds_snapshot_update_total", Map.of(), 9);
        metric(j, ENVOY, 11_000, "envoy_cluster_manager_cds_update_rejected", Map.of("envoy_cluster_name", "x"), 0);
        metric(j, ENVOY, 12_000, "envoy_cluster_manager_cds_update_rejected", Map.of("envoy_cluster_name", "x"), 0);
        metric(j, ENVOY, 11_000, "apisix_ingress_status_update_queue_length", Map.of(), 12);
        metric(j, ENVOY, 12_000, "apisix_ingress_status_update_queue_length", Map.of(), 3.5);
        metric(j, ENVOY, 12_500, "apisix_ingress_status_update_queue_length", Map.of(), Double.NaN);
        return j.gatewayStarted(QUIET, 20_000).runEnded(30_000);
    }
}
