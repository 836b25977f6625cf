package org.gatewaybench.gateways.kubernetes.envoygateway;

import java.util.EnumMap;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.gateways.kubernetes.ClusterEndpoint;
import org.gatewaybench.gateways.kubernetes.IsolationFacts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.gateways.kubernetes.ChartRef;
import org.gatewaybench.gateways.kubernetes.FaultProfile;
import org.gatewaybench.gateways.kubernetes.GatewayFacts;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;

/**
 * Envoy Gateway: HTTPRoutes attached to a Gateway of this run. The chart installs the controller
 * and the Gateway API CRDs; the driver then creates an EnvoyProxy (proxy Service as NodePort), a
 * GatewayClass pointing at it, and the Gateway whose listener accepts routes only from this run's
 * tenant namespaces.
 */
public final class EnvoyGatewayDriver extends HelmGatewayDriver {

    public static final String GATEWAY_NAME = "bench";
    public static final String LISTENER = "http";
    static final String CONTROLLER_NAME = "gateway.envoyproxy.io/gatewayclass-controller";
    static final String CLASS_FINALIZER = "gateway-exists-finalizer.gateway.networking.k8s.io";
    /** The label Envoy Gateway puts on the proxy objects of a Gateway. */
    static final String OWNING_GATEWAY_LABEL = "gateway.envoyproxy.io/owning-gateway-name";
    private static final Duration TEARDOWN = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "envoy-gateway";
    }

    @Override
    public String description() {
        return "Envoy Gateway: HTTPRoute on a Gateway (Gateway API v1); the controller translates to xDS, "
                + "Envoy applies it without restart";
    }

    @Override
    public List<String> requirements() {
        return List.of("a Kubernetes fixture (k3s needs Docker), Kubernetes 1.33-1.36",
                "the OCI chart registry reachable at install");
    }

    @Override
    public ChartRef chart() {
        return ChartRef.oci("oci://docker.io/envoyproxy/gateway-helm", "v1.9.0");
    }

    @Override
    public int defaultNodePort() {
        return 30082;
    }

    /** The NodePort is not a chart value here: see {@link #envoyProxy}. */
    @Override
    public Map<String, Object> withNodePort(Map<String, Object> values, int nodePort) {
        return values;
    }

    @Override
    public Integer nodePortIn(Map<String, Object> values) {
        return null;
    }

    @Override
    protected boolean needsNodePortInValues() {
        return false;
    }

    @Override
    public RouteForm routeForm(String namespace, KubernetesFixture fixture) {
        return new RouteForm.HttpRouteForm(namespace, GATEWAY_NAME, LISTENER);
    }

    @Override
    public GatewayFacts facts() {
        return new GatewayFacts("app.kubernetes.io/name=gateway-helm,control-plane=envoy-gateway",
                "app.kubernetes.io/managed-by=envoy-gateway,app.kubernetes.io/component=proxy",
                List.of("control-plane=envoy-gateway 19001 /metrics",
                        "app.kubernetes.io/component=proxy 19001 /stats/prometheus"));
    }

    /** The GatewayClass of this run: cluster-scoped, so named with the run's prefix and labelled. */
    public static String gatewayClassName(Ownership ownership) {
        return ownership.namespacePrefix() + "envoy-gateway";
    }

    /** The EnvoyProxy that makes the proxy Service a NodePort with the data plane's port fixed. */
    public static GenericKubernetesResource envoyProxy(String namespace, Ownership ownership, int nodePort) {
        Map<String, Object> spec = Map.of("provider", Map.of(
                "type", "Kubernetes",
                "kubernetes", Map.of("envoyService", Map.of(
                        "type", "NodePort",
                        // Strategic merge keys Service ports by port: this sets the NodePort of listener port 80.
                        "patch", Map.of("type", "StrategicMerge", "value", Map.of(
                                "spec", Map.of("ports", List.of(Map.of("port", 80, "nodePort", nodePort)))))))));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("gateway.envoyproxy.io/v1alpha1").withKind("EnvoyProxy")
                .withNewMetadata().withName(GATEWAY_NAME).withNamespace(namespace).withLabels(ownership.labels())
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    public static GatewayClass gatewayClass(String namespace, Ownership ownership) {
        return new GatewayClassBuilder()
                .withNewMetadata().withName(gatewayClassName(ownership)).withLabels(ownership.labels()).endMetadata()
                .withNewSpec().withControllerName(CONTROLLER_NAME)
                .withNewParametersRef().withGroup("gateway.envoyproxy.io").withKind("EnvoyProxy")
                .withName(GATEWAY_NAME).withNamespace(namespace).endParametersRef()
                .endSpec().build();
    }

    /** The Gateway: one HTTP listener on 80 that admits routes from this run's namespaces only. */
    public static Gateway gateway(String namespace, Ownership ownership) {
        return new GatewayBuilder()
                .withNewMetadata().withName(GATEWAY_NAME).withNamespace(namespace).withLabels(ownership.labels())
                .endMetadata()
                .withNewSpec().withGatewayClassName(gatewayClassName(ownership))
                .addNewListener().withName(LISTENER).withProtocol("HTTP").withPort(80)
                .withNewAllowedRoutes().withNewNamespaces().withFrom("Selector")
                .withNewSelector().addToMatchLabels(Ownership.RUN_LABEL, ownership.runId()).endSelector()
                .endNamespaces().endAllowedRoutes()
                .endListener()
                .endSpec().build();
    }

    @Override
    protected void afterInstall(KubernetesFixture fixture, String namespace, int nodePort) {
        KubernetesClient client = fixture.client();
        client.resource(envoyProxy(namespace, fixture.ownership(), nodePort)).create();
        client.resource(gatewayClass(namespace, fixture.ownership())).create();
        client.resource(gateway(namespace, fixture.ownership())).create();
    }

    /**
     * Teardown in the order the controller needs (v1.9.0): only the running controller removes the
     * GatewayClass finalizer ({@value #CLASS_FINALIZER}) once no Gateway is left, and the proxy
     * belongs to the class; uninstalling first strands the class Terminating, cluster-wide. So:
     * the Gateway, until the proxy is gone; the class, until it is gone (its finalizer stripped, and
     * said, when the controller does not get to it); then the EnvoyProxy.
     */
    @Override
    protected List<String> beforeUninstall(KubernetesFixture fixture, String namespace) {
        KubernetesClient client = fixture.client();
        client.resources(Gateway.class).inNamespace(namespace).withName(GATEWAY_NAME).delete();
        Wait.of("the Envoy proxy of Gateway " + namespace + "/" + GATEWAY_NAME + " to be gone", TEARDOWN)
                .every(Duration.ofSeconds(1)).ignoringErrors().failWith(GatewayException::new)
                .until(() -> client.apps().deployments().inNamespace(namespace)
                        .withLabel(OWNING_GATEWAY_LABEL, GATEWAY_NAME).list().getItems().size(), n -> n == 0);
        String className = gatewayClassName(fixture.ownership());
        var gatewayClass = client.resources(GatewayClass.class).withName(className);
        gatewayClass.delete();
        List<String> notes = new ArrayList<>();
        try {
            Wait.of("GatewayClass " + className + " to be gone", TEARDOWN).every(Duration.ofSeconds(1))
                    .until(() -> gatewayClass.get() == null);
        } catch (Wait.Timeout e) {
            gatewayClass.edit(c -> {
                c.getMetadata().setFinalizers(List.of());
                return c;
            });
            notes.add("GatewayClass " + className + " was still Terminating " + Durations.format(TEARDOWN) + " after "
                    + "its delete (the controller did not remove " + CLASS_FINALIZER + "); its finalizer was "
                    + "stripped so that it does not outlive the run");
        }
        client.genericKubernetesResources("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy").inNamespace(namespace)
                .withName(GATEWAY_NAME).delete();
        return notes;
    }

    /**
     * The chart's pre-install hooks leave cluster-scoped objects that {@code helm uninstall} keeps:
     * the certgen ClusterRole and binding and the topology injector's webhook, named after the
     * release's namespace.
     */
    @Override
    protected void afterUninstall(KubernetesFixture fixture, String namespace) {
        KubernetesClient client = fixture.client();
        client.rbac().clusterRoleBindings().withName(name() + "-certgen:" + namespace).delete();
        client.rbac().clusterRoles().withName(name() + "-certgen:" + namespace).delete();
        client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName("envoy-gateway-topology-injector." + namespace).delete();
    }

    /** The proxy image the controller starts itself (v1.9.0's DefaultEnvoyProxyImage), not in the chart. */
    @Override
    protected List<String> imagesAtRuntime() {
        return List.of("docker.io/envoyproxy/envoy:distroless-v1.39.0");
    }

    /**
     * Controller and proxy images are distroless (no shell) and Envoy is its container's first
     * process: no freeze. The proxy Deployment belongs to the controller, which would undo a
     * squeeze's patch: no squeeze of the data plane.
     */
    @Override
    public FaultProfile faultProfile() {
        return new FaultProfile(Map.of(), true, false);
    }

    /** xDS snapshots of the controller, LDS/CDS updates accepted and rejected by Envoy. */
    @Override
    public Set<String> journaledMetrics() {
        return Set.of("xds_snapshot_create_total", "xds_snapshot_update_total",
                "envoy_listener_manager_lds_update_success", "envoy_listener_manager_lds_update_rejected",
                "envoy_cluster_manager_cds_update_success", "envoy_cluster_manager_cds_update_rejected");
    }

    /**
     * Envoy Gateway v1.9.0 (Gateway API v1.6.1): the oldest HTTPRoute wins a conflict, a backendRef
     * into another namespace without a ReferenceGrant is ResolvedRefs False (RefNotPermitted), no
     * annotations are read (EnvoyPatchPolicy off while extensionApis is {}, the chart default). The
     * controller's Service carries xDS (18000, mTLS), metrics (19001) and the topology webhook (9443).
     */
    @Override
    public IsolationFacts isolationFacts() {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two HTTPRoutes in two namespaces for one "
                + "hostname and path: the oldest Route wins (Gateway API)"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's HTTPRoute for /api under A's hostname"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's HTTPRoute for *.<A's domain>"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("B's HTTPRoute with a backendRef into "
                + "A's namespace and no ReferenceGrant: must be refused (ResolvedRefs False, RefNotPermitted)"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's HTTPRoute with path "
                + IsolationProfile.DEFAULT_POISON_PATH));
        checks.put(IsolationCheck.SNIPPET_INJECTION, CheckSupport.notApplicable("Envoy Gateway reads no annotations; "
                + "EnvoyPatchPolicy is off unless the chart's extensionApis enables it"));
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("from a pod in B's namespace: the "
                + "controller's xDS, metrics and webhook ports, the proxy's ready and stats ports"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's HTTPRoutes at the storm rate; the "
                + "controller pushes xDS, Envoy applies it without restart"));
        String proxy = "app.kubernetes.io/component=proxy";
        return new IsolationFacts(new IsolationProfile(checks, null, IsolationProfile.DEFAULT_POISON_PATH),
                List.of(ClusterEndpoint.service("xds", EndpointKind.XDS, "envoy-gateway", 18000,
                                ControlEndpoint.Read.CONNECT, ""),
                        ClusterEndpoint.service("topology-webhook", EndpointKind.WEBHOOK, "envoy-gateway", 9443,
                                ControlEndpoint.Read.CONNECT, ""),
                        ClusterEndpoint.service("controller-metrics", EndpointKind.METRICS, "envoy-gateway", 19001,
                                ControlEndpoint.Read.HTTP_GET, "/metrics"),
                        ClusterEndpoint.pod("proxy-ready", EndpointKind.STATUS, proxy, 19003,
                                ControlEndpoint.Read.HTTP_GET, "/ready"),
                        ClusterEndpoint.pod("proxy-stats", EndpointKind.METRICS, proxy, 19001,
                                ControlEndpoint.Read.HTTP_GET, "/stats/prometheus")),
                null,
                Map.of("gatewayApi", "v1.6.1", "extensionApis", "{} (EnvoyPatchPolicy off)",
                        "xds", "18000, mTLS with certificates from certgen"),
                null, Map.of());
    }
}
