package org.gatewaybench.gateways.kubernetes.ingressnginx;

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
    /** The annotation whose value ingress-nginx puts into the server block of the Ingress's host. */
    static final String SERVER_SNIPPET = "nginx.ingress.kubernetes.io/server-snippet";

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

    /**
     * ingress-nginx at chart 4.15.1 / controller-v1.15.1: the webhook denies a second Ingress for a
     * host and path ("already defined") and snippets while allow-snippet-annotations is false (its
     * default); without the webhook the oldest creationTimestamp wins (store.go sortIngressSlice). An
     * ExternalName Service is followed unless --disable-svc-external-name. The admission webhook's
     * Service (443 to 8443) and the controller's 10254 are the control endpoints (the profiler and Lua
     * status bind 127.0.0.1).
     */
    @Override
    public IsolationFacts isolationFacts() {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two Ingresses of class nginx for one host "
                + "and path in two namespaces: the admission webhook denies the second; without it the oldest wins"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's Ingress for /api under A's host: every "
                + "Ingress of a host goes into one nginx server"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's Ingress for *.<A's domain>"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("an ExternalName Service in B's "
                + "namespace naming A's Service, followed unless --disable-svc-external-name"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's Ingress with path "
                + IsolationProfile.DEFAULT_POISON_PATH + ": the webhook's strict path validation refuses it"));
        checks.put(IsolationCheck.SNIPPET_INJECTION, CheckSupport.runsIntrusively("annotation " + SERVER_SNIPPET
                + " (denied while allow-snippet-annotations is false, the default since controller v1.9.0, or "
                + "annotations-risk-level is below Critical); the canary file is written into the controller pod "
                + "through exec"));
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("from a pod in B's namespace: the "
                + "admission webhook's Service and the controller's health port"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's Ingresses at the storm rate; every sync "
                + "renders the whole nginx.conf and reloads"));
        String controller = "app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller";
        return new IsolationFacts(new IsolationProfile(checks, SERVER_SNIPPET, IsolationProfile.DEFAULT_POISON_PATH),
                List.of(ClusterEndpoint.service("admission-webhook", EndpointKind.WEBHOOK,
                                "ingress-nginx-controller-admission", 443, ControlEndpoint.Read.CONNECT, ""),
                        ClusterEndpoint.service("controller-health", EndpointKind.STATUS,
                                "ingress-nginx-controller-metrics", 10254, ControlEndpoint.Read.HTTP_GET, "/healthz")),
                new IsolationFacts.Canary(controller, "/tmp/gateway-bench-canary"),
                Map.of("controllerVersion", "1.15.1", "disable-svc-external-name", "false (flag default)"),
                "ingress-nginx-controller", Map.of("allow-snippet-annotations", "false",
                        "annotations-risk-level", "High", "allow-cross-namespace-resources", "false"));
    }
}
