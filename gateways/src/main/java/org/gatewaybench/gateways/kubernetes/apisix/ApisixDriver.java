package org.gatewaybench.gateways.kubernetes.apisix;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.kubernetes.ChartRef;
import org.gatewaybench.gateways.kubernetes.FaultProfile;
import org.gatewaybench.gateways.kubernetes.GatewayFacts;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmValues;

/**
 * Apache APISIX with its ingress controller 2.x in standalone API-driven mode: the controller pushes
 * the whole configuration to APISIX's admin API, no etcd. The first sync can take minutes.
 */
public final class ApisixDriver extends HelmGatewayDriver {

    /** Read by the chart's service-gateway.yaml template; not listed in its values.yaml. */
    static final String NODE_PORT_PATH = "service.http.nodePort";

    @Override
    public String name() {
        return "apisix";
    }

    @Override
    public String description() {
        return "Apache APISIX 3.x with apisix-ingress-controller 2.x (standalone, no etcd): Ingress class apisix; "
                + "config pushed to the admin API, no reload";
    }

    @Override
    public List<String> requirements() {
        return List.of("a Kubernetes fixture (k3s needs Docker)", "the chart repository reachable at install");
    }

    @Override
    public ChartRef chart() {
        return ChartRef.repo("apisix", "https://apache.github.io/apisix-helm-chart", "apisix", "2.14.0");
    }

    @Override
    public int defaultNodePort() {
        return 30081;
    }

    @Override
    public Map<String, Object> withNodePort(Map<String, Object> values, int nodePort) {
        return HelmValues.with(values, NODE_PORT_PATH, nodePort);
    }

    @Override
    public Integer nodePortIn(Map<String, Object> values) {
        return HelmValues.get(values, NODE_PORT_PATH) instanceof Integer port
                && "NodePort".equals(HelmValues.get(values, "service.type")) ? port : null;
    }

    @Override
    public RouteForm routeForm(String namespace, KubernetesFixture fixture) {
        return new RouteForm.IngressForm("apisix");
    }

    @Override
    public GatewayFacts facts() {
        return new GatewayFacts("app.kubernetes.io/name=ingress-controller", "app.kubernetes.io/name=apisix",
                List.of("app.kubernetes.io/name=apisix 9091 /apisix/prometheus/metrics",
                        "app.kubernetes.io/name=ingress-controller 8080 /metrics"));
    }

    /**
     * APISIX's image has a shell and runs OpenResty's master as its first process: freeze stops
     * the workers (which serve every request), not the master. The ingress controller is not
     * frozen (its image is not known to carry a shell).
     */
    @Override
    public FaultProfile faultProfile() {
        return new FaultProfile(Map.of(FaultTarget.DATA_PLANE, List.of("openresty")), true, true);
    }

    /** ADC syncs of the ingress controller 2.x, its errors and its status queue. */
    @Override
    public Set<String> journaledMetrics() {
        return Set.of("apisix_ingress_adc_sync_total", "apisix_ingress_adc_execution_errors_total",
                "apisix_ingress_status_update_queue_length");
    }
}
