package org.gatewaybench.gateways.kubernetes.cilium;

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
import org.gatewaybench.gateways.kubernetes.ChartRef;
import org.gatewaybench.gateways.kubernetes.FaultProfile;
import org.gatewaybench.gateways.kubernetes.GatewayFacts;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmValues;

/**
 * Cilium as CNI, kube-proxy replacement and ingress controller (Envoy, shared mode). It must be
 * the cluster's network: the k3s fixture starts without flannel when Cilium is among the gateways;
 * on an existing cluster it needs one created without a CNI, and values for its API server address.
 */
public final class CiliumDriver extends HelmGatewayDriver {

    static final String NODE_PORT_PATH = "ingressController.service.insecureNodePort";

    @Override
    public String name() {
        return "cilium";
    }

    @Override
    public String description() {
        return "Cilium ingress (Envoy, shared load balancer): Ingress class cilium; the operator translates "
                + "Ingresses into CiliumEnvoyConfig pushed to Envoy over xDS";
    }

    @Override
    public List<String> requirements() {
        return List.of("a cluster without CNI and kube-proxy (the k3s fixture does this when cilium is chosen)",
                "the chart repository reachable at install",
                "on kubeconfig: values k8sServiceHost/k8sServicePort for the API server");
    }

    @Override
    public ChartRef chart() {
        return ChartRef.repo("cilium", "https://helm.cilium.io", "cilium", "1.19.6");
    }

    @Override
    public int defaultNodePort() {
        return 30083;
    }

    @Override
    public Map<String, Object> withNodePort(Map<String, Object> values, int nodePort) {
        return HelmValues.with(values, NODE_PORT_PATH, nodePort);
    }

    @Override
    public Integer nodePortIn(Map<String, Object> values) {
        return HelmValues.get(values, NODE_PORT_PATH) instanceof Integer port
                && "NodePort".equals(HelmValues.get(values, "ingressController.service.type"))
                && Boolean.TRUE.equals(HelmValues.get(values, "ingressController.enabled")) ? port : null;
    }

    @Override
    public RouteForm routeForm(String namespace, KubernetesFixture fixture) {
        return new RouteForm.IngressForm("cilium");
    }

    /**
     * In shared load-balancer mode the operator makes the shared CiliumEnvoyConfig only when it
     * reconciles an Ingress; until then cilium-ingress has a placeholder endpoint and nothing answers.
     */
    @Override
    protected boolean listensOnlyForAnIngress() {
        return true;
    }

    @Override
    public GatewayFacts facts() {
        return new GatewayFacts("io.cilium/app=operator", "k8s-app=cilium-envoy",
                List.of("k8s-app=cilium 9962 /metrics", "io.cilium/app=operator 9963 /metrics",
                        "k8s-app=cilium-envoy 9964 /metrics"));
    }

    /**
     * No freeze (Envoy is its container's first process) and no partition: the operator and the
     * agents run in the node's network namespace, where no NetworkPolicy applies.
     */
    @Override
    public FaultProfile faultProfile() {
        return new FaultProfile(Map.of(), false, true);
    }

    /** LDS/CDS updates accepted and rejected by cilium-envoy. */
    @Override
    public Set<String> journaledMetrics() {
        return Set.of("envoy_listener_manager_lds_update_success", "envoy_listener_manager_lds_update_rejected",
                "envoy_cluster_manager_cds_update_success", "envoy_cluster_manager_cds_update_rejected");
    }

    /**
     * Cilium 1.19.x shared ingress: all shared-mode Ingresses merge into one CiliumEnvoyConfig in an
     * order not documented (measured); ingress.cilium.io annotations carry no configuration; the
     * agent talks xDS to Envoy over a unix socket, and its, the operator's and Envoy's metrics ports
     * (9962-9964, not verified at 1.19.6) are on the node's network.
     */
    @Override
    public IsolationFacts isolationFacts() {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two Ingresses of class cilium for one "
                + "host and path, merged into the shared CiliumEnvoyConfig in an undocumented order"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's Ingress for /api under A's host"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's Ingress for *.<A's domain>"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("an ExternalName Service in B's "
                + "namespace naming A's Service (probably not followed; measured)"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's Ingress with path "
                + IsolationProfile.DEFAULT_POISON_PATH + " (no admission webhook)"));
        checks.put(IsolationCheck.SNIPPET_INJECTION, CheckSupport.notApplicable("Cilium's ingress.cilium.io "
                + "annotations carry no configuration snippets"));
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("from a pod in B's namespace: the "
                + "agent's, operator's and Envoy's metrics ports on the node"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's Ingresses at the storm rate; the operator "
                + "regenerates the shared CiliumEnvoyConfig"));
        return new IsolationFacts(new IsolationProfile(checks, null, IsolationProfile.DEFAULT_POISON_PATH),
                List.of(ClusterEndpoint.node("agent-metrics", EndpointKind.METRICS, 9962,
                                ControlEndpoint.Read.HTTP_GET, "/metrics"),
                        ClusterEndpoint.node("operator-metrics", EndpointKind.METRICS, 9963,
                                ControlEndpoint.Read.HTTP_GET, "/metrics"),
                        ClusterEndpoint.node("envoy-metrics", EndpointKind.METRICS, 9964,
                                ControlEndpoint.Read.HTTP_GET, "/metrics")),
                null,
                Map.of("ciliumVersion", "1.19.6", "xds", "agent to Envoy over a unix socket, no TCP port",
                        "loadbalancerMode", "shared"),
                null, Map.of());
    }
}
