package org.gatewaybench.gateways.kubernetes.higress;

import java.util.EnumMap;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.gateways.kubernetes.ClusterEndpoint;
import org.gatewaybench.gateways.kubernetes.IsolationFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.kubernetes.ChartRef;
import org.gatewaybench.gateways.kubernetes.FaultProfile;
import org.gatewaybench.gateways.kubernetes.GatewayFacts;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmValues;

/** Higress (Istio and Envoy based): Ingress class higress; the controller pushes xDS to Envoy, no reload. */
public final class HigressDriver extends HelmGatewayDriver {

    static final String PORTS_PATH = "higress-core.gateway.service.ports";

    /**
     * Where the images come from. Since chart 2.2.1 {@code global.hub} is the bare registry (the
     * templates add /higress/); the chart's default is in Hangzhou, far from most CI runners, so the
     * driver's default is Alibaba's North American copy. Others: higress-registry.cn-hangzhou.cr.aliyuncs.com,
     * higress-registry.ap-southeast-7.cr.aliyuncs.com.
     */
    public static final GatewayOption HUB = new GatewayOption("hub", GatewayOption.Type.STRING,
            "higress-registry.us-west-1.cr.aliyuncs.com", "the registry Higress's images are pulled from "
            + "(chart value global.hub; the chart's own default is higress-registry.cn-hangzhou.cr.aliyuncs.com)");

    @Override
    public String name() {
        return "higress";
    }

    @Override
    public String description() {
        return "Higress: Ingress class higress; Istio-derived controller pushes xDS to Envoy without reload";
    }

    @Override
    public List<String> requirements() {
        return List.of("a Kubernetes fixture (k3s needs Docker)", "the chart repository reachable at install");
    }

    @Override
    public ChartRef chart() {
        return ChartRef.repo("higress", "https://higress.io/helm-charts", "higress", "2.2.1");
    }

    @Override
    public int defaultNodePort() {
        return 30084;
    }

    /** The chart renders each entry of the ports list as given, so the NodePort rides on the port 80 entry. */
    @Override
    public Map<String, Object> withNodePort(Map<String, Object> values, int nodePort) {
        return HelmValues.with(values, PORTS_PATH, List.of(
                port("http2", 80, nodePort),
                port("https", 443, null)));
    }

    private static Map<String, Object> port(String name, int port, Integer nodePort) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("port", port);
        entry.put("protocol", "TCP");
        entry.put("targetPort", port);
        if (nodePort != null) {
            entry.put("nodePort", nodePort);
        }
        return entry;
    }

    @Override
    public Integer nodePortIn(Map<String, Object> values) {
        if (!"NodePort".equals(HelmValues.get(values, "higress-core.gateway.service.type"))
                || !(HelmValues.get(values, PORTS_PATH) instanceof List<?> ports)) {
            return null;
        }
        for (Object entry : ports) {
            if (entry instanceof Map<?, ?> port && Integer.valueOf(80).equals(port.get("port"))
                    && port.get("nodePort") instanceof Integer nodePort) {
                return nodePort;
            }
        }
        return null;
    }

    @Override
    public RouteForm routeForm(String namespace, KubernetesFixture fixture) {
        return new RouteForm.IngressForm("higress", RouteForm.CrossTenantReference.DESTINATION_ANNOTATION);
    }

    @Override
    protected List<GatewayOption> driverOptions() {
        return List.of(HUB);
    }

    @Override
    protected Map<String, Object> optionValues(Function<GatewayOption, String> option) {
        return Map.of("global", Map.of("hub", option.apply(HUB)));
    }

    /** Higress builds its port-80 listener only from Ingresses of its class (Istio's ingress gateway). */
    @Override
    protected boolean listensOnlyForAnIngress() {
        return true;
    }

    @Override
    public GatewayFacts facts() {
        return new GatewayFacts("app=higress-controller", "app=higress-gateway",
                List.of("app=higress-gateway 15020 /stats/prometheus", "app=higress-controller 15014 /metrics"));
    }

    /**
     * The gateway image (Istio proxy based) has a shell and runs pilot-agent as its first
     * process, so Envoy can be frozen; the controller is not (its images are not known to carry
     * a shell). A freeze that finds no shell fails at injection, naming it.
     */
    @Override
    public FaultProfile faultProfile() {
        return new FaultProfile(Map.of(FaultTarget.DATA_PLANE, List.of("envoy")), true, true);
    }

    /** xDS pushes, rejects and config events of the Istio-derived discovery, LDS/CDS updates of Envoy. */
    @Override
    public Set<String> journaledMetrics() {
        return Set.of("pilot_xds_pushes", "pilot_total_xds_rejects", "pilot_k8s_cfg_events",
                "envoy_listener_manager_lds_update_success", "envoy_listener_manager_lds_update_rejected",
                "envoy_cluster_manager_cds_update_success", "envoy_cluster_manager_cds_update_rejected");
    }

    /**
     * Higress 2.2.1: Ingresses sorted by creationTimestamp, a later duplicate route dropped
     * (DuplicatedRoute): oldest wins; higress.io/destination names any registry host, another
     * namespace's Service included; no snippet annotations. The controller's Service serves xDS in
     * plain text on 15010.
     */
    @Override
    public IsolationFacts isolationFacts() {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two Ingresses of class higress for one "
                + "host and path: the later is dropped as a duplicate (oldest wins)"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's Ingress for /api under A's host"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's Ingress for *.<A's domain>"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("annotation higress.io/destination on "
                + "B's Ingress naming A's Service by its cluster DNS name"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's Ingress with path "
                + IsolationProfile.DEFAULT_POISON_PATH + " (no admission webhook)"));
        checks.put(IsolationCheck.SNIPPET_INJECTION, CheckSupport.notApplicable("Higress 2.2.1 has no snippet "
                + "annotations"));
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("from a pod in B's namespace: the "
                + "controller's plain-text xDS, readiness and monitoring ports, the gateway's health and stats"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's Ingresses at the storm rate; incremental "
                + "xDS pushes to Envoy"));
        String gateway = "app=higress-gateway";
        return new IsolationFacts(new IsolationProfile(checks, null, IsolationProfile.DEFAULT_POISON_PATH),
                List.of(ClusterEndpoint.service("xds-plaintext", EndpointKind.XDS, "higress-controller", 15010,
                                ControlEndpoint.Read.CONNECT, ""),
                        ClusterEndpoint.service("controller-ready", EndpointKind.STATUS, "higress-controller", 8888,
                                ControlEndpoint.Read.HTTP_GET, "/ready"),
                        ClusterEndpoint.service("controller-monitoring", EndpointKind.METRICS, "higress-controller",
                                15014, ControlEndpoint.Read.HTTP_GET, "/metrics"),
                        ClusterEndpoint.pod("gateway-health", EndpointKind.STATUS, gateway, 15021,
                                ControlEndpoint.Read.HTTP_GET, "/healthz/ready"),
                        ClusterEndpoint.pod("gateway-stats", EndpointKind.METRICS, gateway, 15020,
                                ControlEndpoint.Read.HTTP_GET, "/stats/prometheus")),
                null,
                Map.of("higressVersion", "2.2.1", "destinationAnnotation", "higress.io/destination accepted",
                        "xds", "15010 plain text, 15012 TLS"),
                null, Map.of());
    }
}
