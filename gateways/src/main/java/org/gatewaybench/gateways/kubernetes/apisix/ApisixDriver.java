package org.gatewaybench.gateways.kubernetes.apisix;

import java.util.EnumMap;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.gateways.kubernetes.ClusterEndpoint;
import org.gatewaybench.gateways.kubernetes.IsolationFacts;
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
        return new RouteForm.IngressForm("apisix", RouteForm.CrossTenantReference.SVC_NAMESPACE_ANNOTATION);
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

    /**
     * APISIX 3.16.0 with its ingress controller 2.0.1 (chart 2.14.0): how two namespaces' Ingresses
     * for one host resolve is not documented (measured); the svc-namespace annotation names a Service
     * of another namespace with no grant checked; no raw-configuration snippets. The admin API
     * (Service apisix-admin, 9180) admits 0.0.0.0/0 when the ingress controller is enabled.
     */
    @Override
    public IsolationFacts isolationFacts() {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two Ingresses of class apisix for one host "
                + "and path; both become APISIX routes, the winner is not documented"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's Ingress for /api under A's host"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's Ingress for *.<A's domain>"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("annotation "
                + "k8s.apisix.apache.org/svc-namespace on B's Ingress naming A's namespace (no grant checked)"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's Ingress with path "
                + IsolationProfile.DEFAULT_POISON_PATH + " (the controller's webhook fails open: failurePolicy Ignore)"));
        checks.put(IsolationCheck.SNIPPET_INJECTION, CheckSupport.notApplicable("APISIX's ingress controller 2.0.1 "
                + "has no annotation that carries raw configuration"));
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("from a pod in B's namespace: the admin "
                + "API, the status and metrics ports of APISIX and its controller"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's Ingresses at the storm rate; the "
                + "controller pushes the whole configuration to the admin API"));
        return new IsolationFacts(new IsolationProfile(checks, null, IsolationProfile.DEFAULT_POISON_PATH),
                List.of(ClusterEndpoint.service("admin-api", EndpointKind.ADMIN, "apisix-admin", 9180,
                                ControlEndpoint.Read.HTTP_GET, "/apisix/admin/routes"),
                        ClusterEndpoint.pod("status", EndpointKind.STATUS, "app.kubernetes.io/name=apisix", 7085,
                                ControlEndpoint.Read.HTTP_GET, "/status"),
                        ClusterEndpoint.pod("prometheus", EndpointKind.METRICS, "app.kubernetes.io/name=apisix", 9091,
                                ControlEndpoint.Read.HTTP_GET, "/apisix/prometheus/metrics"),
                        ClusterEndpoint.pod("controller-metrics", EndpointKind.METRICS,
                                "app.kubernetes.io/name=ingress-controller", 8080, ControlEndpoint.Read.HTTP_GET,
                                "/metrics")),
                null,
                Map.of("apisixVersion", "3.16.0", "ingressControllerVersion", "2.0.1",
                        "allow_admin", "0.0.0.0/0 added while the ingress controller is enabled (chart 2.14.0)",
                        "adminKey", "the chart's public default apisix.admin.credentials.admin unless values set one"),
                null, Map.of());
    }
}
