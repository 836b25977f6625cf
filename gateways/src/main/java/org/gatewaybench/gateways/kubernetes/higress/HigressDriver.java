package org.gatewaybench.gateways.kubernetes.higress;

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
        return new RouteForm.IngressForm("higress");
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
}
