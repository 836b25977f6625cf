package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.fixtures.kubernetes.RouteObjects;
import org.gatewaybench.gateways.GatewayCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Ingress that makes Cilium and Higress build their listener before the first tenant route. */
@EnableKubernetesMockClient(crud = true)
class SentinelRouteTest {

    KubernetesClient client;

    private final Ownership ownership = new Ownership("gbsent01", "gbsent01-");

    @Test
    void theSentinelIsAnIngressOfTheClassForAReservedHostWithABackendThatHasNoEndpoints() {
        SentinelRoute.create(client, "gbsent01-cilium", "cilium", ownership.labels());

        Ingress ingress = client.network().v1().ingresses().inNamespace("gbsent01-cilium")
                .withName(SentinelRoute.NAME).get();
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("cilium");
        assertThat(ingress.getMetadata().getLabels()).containsAllEntriesOf(ownership.labels());
        assertThat(new RouteObjects(ownership, new RouteForm.IngressForm("cilium"), true).routeOf(ingress))
                .as("never read back as a tenant's route").isNull();
        IngressRule rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo(SentinelRoute.HOST).endsWith(".invalid");
        assertThat(rule.getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo(SentinelRoute.NAME);

        Service service = client.services().inNamespace("gbsent01-cilium").withName(SentinelRoute.NAME).get();
        assertThat(service.getSpec().getSelector()).as("no selector: no endpoints, never a tenant's pod").isNullOrEmpty();
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(80);

        SentinelRoute.delete(client, "gbsent01-cilium");
        assertThat(client.network().v1().ingresses().inNamespace("gbsent01-cilium").list().getItems()).isEmpty();
        assertThat(client.services().inNamespace("gbsent01-cilium").list().getItems()).isEmpty();
    }

    static Stream<HelmGatewayDriver> drivers() {
        return GatewayCatalog.all().stream().filter(HelmGatewayDriver.class::isInstance)
                .map(HelmGatewayDriver.class::cast);
    }

    /**
     * Which drivers need one, from upstream at the pinned tags: Cilium's operator makes the shared
     * listener only when it reconciles an Ingress, Higress's Istio gateway listens only for a Gateway
     * built from Ingresses; ingress-nginx's default server, APISIX and Envoy Gateway's Gateway
     * listener answer 404 with no route. The sentinel must be of the class tenant routes use.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void theGatewaysThatListenOnlyForAnIngressGetASentinelOfTheirRoutesClass(HelmGatewayDriver driver) {
        boolean needs = Set.of("cilium", "higress").contains(driver.name());
        assertThat(driver.listensOnlyForAnIngress()).as("needs a sentinel").isEqualTo(needs);
        if (needs) {
            assertThat(driver.sentinelClass(driver.name(), null)).isEqualTo(driver.name());
        }
    }
}
