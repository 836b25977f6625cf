package org.gatewaybench.gateways.kubernetes.ingressnginx;

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

/** ingress-nginx: Ingress of class nginx; every sync renders nginx.conf and reloads (Lua for endpoints). */
public final class IngressNginxDriver extends HelmGatewayDriver {

    static final String NODE_PORT_PATH = "controller.service.nodePorts.http";

    @Override
    public String name() {
        return "ingress-nginx";
    }

    @Override
    public String description() {
        return "ingress-nginx (retired after March 2026): Ingress class nginx; config changes reload nginx, "
                + "endpoint changes go through Lua without reload";
    }

    @Override
    public List<String> requirements() {
        return List.of("a Kubernetes fixture (k3s needs Docker)", "the chart repository reachable at install",
                "cluster-scoped IngressClass 'nginx' not taken by another controller");
    }

    @Override
    public ChartRef chart() {
        return ChartRef.repo("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.15.1");
    }

    @Override
    public int defaultNodePort() {
        return 30080;
    }

    @Override
    public Map<String, Object> withNodePort(Map<String, Object> values, int nodePort) {
        return HelmValues.with(values, NODE_PORT_PATH, nodePort);
    }

    @Override
    public Integer nodePortIn(Map<String, Object> values) {
        return HelmValues.get(values, NODE_PORT_PATH) instanceof Integer port
                && "NodePort".equals(HelmValues.get(values, "controller.service.type")) ? port : null;
    }

    /**
     * The chart's validating admission webhook (controller.admissionWebhooks.enabled, on by default at
     * 4.15.1, failurePolicy Fail, the API server's 10 s timeout) renders the whole configuration on
     * every Ingress create and update: at tens of thousands of routes writes slow down and time out.
     * The default measures what users run; false measures the controller without it.
     */
    public static final GatewayOption ADMISSION_WEBHOOK = new GatewayOption("admissionWebhook",
            GatewayOption.Type.BOOLEAN, "true", "keep the chart's validating admission webhook "
            + "(controller.admissionWebhooks.enabled); false installs without it");

    @Override
    protected List<GatewayOption> driverOptions() {
        return List.of(ADMISSION_WEBHOOK);
    }

    @Override
    protected Map<String, Object> optionValues(Function<GatewayOption, String> option) {
        return Map.of("controller", Map.of("admissionWebhooks", Map.of("enabled",
                Boolean.parseBoolean(option.apply(ADMISSION_WEBHOOK)))));
    }

    @Override
    public RouteForm routeForm(String namespace, KubernetesFixture fixture) {
        return new RouteForm.IngressForm("nginx");
    }

    @Override
    public GatewayFacts facts() {
        String controller = "app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller";
        return new GatewayFacts(controller, controller, List.of(controller + " 10254 /metrics"));
    }

    /**
     * The controller image has a shell (Alpine); its first process is dumb-init, so the controller
     * ({@code /nginx-ingress-controller}, comm truncated to 15 characters) and nginx can be frozen
     * apart. Controller and data plane are the same pods: kill and squeeze of either hit both.
     */
    @Override
    public FaultProfile faultProfile() {
        return new FaultProfile(Map.of(FaultTarget.CONTROLLER, List.of("nginx-ingress-c"),
                FaultTarget.DATA_PLANE, List.of("nginx")), true, true);
    }

    /** Reload outcomes and the config hash (ingress-nginx's controller collector). */
    @Override
    public Set<String> journaledMetrics() {
        return Set.of("nginx_ingress_controller_config_last_reload_successful",
                "nginx_ingress_controller_config_last_reload_successful_timestamp_seconds",
                "nginx_ingress_controller_success", "nginx_ingress_controller_errors",
                "nginx_ingress_controller_config_hash");
    }
}
