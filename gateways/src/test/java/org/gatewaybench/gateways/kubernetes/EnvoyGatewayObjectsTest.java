package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.List;
import java.util.Map;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.gateways.kubernetes.envoygateway.EnvoyGatewayDriver;
import org.junit.jupiter.api.Test;

/** The objects Envoy Gateway needs besides its chart: NodePort data plane, class, Gateway, route form. */
class EnvoyGatewayObjectsTest {

    private final Ownership ownership = new Ownership("gbeg0001", "gbeg0001-");

    @Test
    void envoyProxyMakesTheProxyServiceANodePortOnListenerPort80() {
        GenericKubernetesResource proxy = EnvoyGatewayDriver.envoyProxy("gbeg0001-envoy-gateway", ownership, 30082);
        assertThat(proxy.getKind()).isEqualTo("EnvoyProxy");
        assertThat(proxy.getApiVersion()).isEqualTo("gateway.envoyproxy.io/v1alpha1");
        Map<String, Object> spec = proxy.get("spec");
        Map<String, Object> service = path(spec, "provider", "kubernetes", "envoyService");
        assertThat(service).containsEntry("type", "NodePort");
        Map<String, Object> patch = path(service, "patch");
        assertThat(patch).containsEntry("type", "StrategicMerge");
        Map<String, Object> patchSpec = path(patch, "value", "spec");
        assertThat(patchSpec.get("ports")).isEqualTo(List.of(Map.of("port", 80, "nodePort", 30082)));
    }

    @Test
    void gatewayClassIsTheRunsAndPointsAtTheEnvoyProxy() {
        GatewayClass gc = EnvoyGatewayDriver.gatewayClass("gbeg0001-envoy-gateway", ownership);
        assertThat(gc.getMetadata().getName()).isEqualTo("gbeg0001-envoy-gateway");
        assertThat(gc.getMetadata().getLabels()).containsEntry(Ownership.RUN_LABEL, "gbeg0001");
        assertThat(gc.getSpec().getControllerName()).isEqualTo("gateway.envoyproxy.io/gatewayclass-controller");
        assertThat(gc.getSpec().getParametersRef().getKind()).isEqualTo("EnvoyProxy");
        assertThat(gc.getSpec().getParametersRef().getNamespace()).isEqualTo("gbeg0001-envoy-gateway");
    }

    @Test
    void gatewayListenerAdmitsOnlyThisRunsTenantNamespacesAndRoutesAttachToIt() {
        Gateway gateway = EnvoyGatewayDriver.gateway("gbeg0001-envoy-gateway", ownership);
        Listener listener = gateway.getSpec().getListeners().get(0);
        assertThat(listener.getName()).isEqualTo(EnvoyGatewayDriver.LISTENER);
        assertThat(listener.getPort()).isEqualTo(80);
        assertThat(listener.getAllowedRoutes().getNamespaces().getFrom()).isEqualTo("Selector");
        assertThat(listener.getAllowedRoutes().getNamespaces().getSelector().getMatchLabels())
                .containsEntry(Ownership.RUN_LABEL, "gbeg0001");
        assertThat(new EnvoyGatewayDriver().routeForm("gbeg0001-envoy-gateway", null)).isEqualTo(
                new RouteForm.HttpRouteForm("gbeg0001-envoy-gateway", gateway.getMetadata().getName(),
                        listener.getName()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> node = map;
        for (String key : keys) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }
}
