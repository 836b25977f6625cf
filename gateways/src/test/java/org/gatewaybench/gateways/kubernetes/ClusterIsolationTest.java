package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gatewaybench.backend.Reach;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.EndpointReach;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.kubernetes.apisix.ApisixDriver;
import org.gatewaybench.gateways.kubernetes.cilium.CiliumDriver;
import org.gatewaybench.gateways.kubernetes.ingressnginx.IngressNginxDriver;
import org.junit.jupiter.api.Test;

/** A cluster gateway's isolation surface against fabric8's mock API server (CRUD, plus expectations for logs). */
@EnableKubernetesMockClient(crud = true)
class ClusterIsolationTest {

    private static final String NS = "gbiso001-ingress-nginx";
    private static final Ownership OWNERSHIP = new Ownership("gbiso001", "gbiso001-");

    KubernetesMockServer server;
    KubernetesClient client;

    private ClusterIsolation surface(HelmGatewayDriver driver) {
        return new ClusterIsolation(new MockClusterFixture(client, OWNERSHIP), NS, driver.isolationFacts(),
                Map.of("gateway", driver.name()));
    }

    private void runningPod(String name, Map<String, String> labels, String ip) {
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(labels).endMetadata().withNewSpec().addNewContainer().withName("main").withImage("x")
                .endContainer().endSpec().withNewStatus().withPhase("Running").withPodIP(ip).endStatus().build())
                .create();
    }

    @Test
    void everyClusterDriverDeclaresEveryCheckAndRunsOrSaysWhyNot() {
        for (GatewayDriver driver : GatewayCatalog.all()) {
            if (!(driver instanceof HelmGatewayDriver)) {
                continue;
            }
            for (IsolationCheck check : IsolationCheck.values()) {
                CheckSupport support = driver.isolation(FixtureKind.K3S).support(check);
                assertThat(support.mode()).as(driver.name() + " " + check).isNotEqualTo(CheckSupport.Mode.CANNOT_RUN);
                assertThat(support.how()).as(driver.name() + " " + check).isNotBlank();
            }
            assertThat(driver.isolation(FixtureKind.EMBEDDED).checks()).as(driver.name() + " has no lab").isEmpty();
        }
        assertThat(new IngressNginxDriver().isolation(FixtureKind.KUBECONFIG).support(IsolationCheck.SNIPPET_INJECTION)
                .intrusive()).isTrue();
        assertThat(new ApisixDriver().isolation(FixtureKind.K3S).support(IsolationCheck.SNIPPET_INJECTION).mode())
                .isEqualTo(CheckSupport.Mode.NOT_APPLICABLE);
    }

    @Test
    void settingsReadTheControllersConfigMapAndSayWhichValuesAreTheControllersDefaults() {
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("ingress-nginx-controller").withNamespace(NS).endMetadata()
                .addToData("allow-snippet-annotations", "true").build()).create();

        Map<String, String> settings = surface(new IngressNginxDriver()).settings();

        assertThat(settings).containsEntry("gateway", "ingress-nginx")
                .containsEntry("allow-snippet-annotations", "true")
                .containsEntry("annotations-risk-level",
                        "High (the controller's default: absent from ConfigMap ingress-nginx-controller)")
                .containsEntry("controllerVersion", "1.15.1");
    }

    @Test
    void controlEndpointsResolveToServiceNamesPodAndNodeAddresses() {
        runningPod("apisix-0", Map.of("app.kubernetes.io/name", "apisix"), "10.42.0.30");
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s").endMetadata().withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress("172.18.0.2").endAddress().endStatus().build())
                .create();

        assertThat(surface(new ApisixDriver()).controlEndpoints()).extracting(ControlEndpoint::name,
                        ControlEndpoint::address, ControlEndpoint::kind)
                .containsExactly(
                        tuple("admin-api", "apisix-admin." + NS + ".svc.cluster.local:9180",
                                EndpointKind.ADMIN),
                        tuple("status", "10.42.0.30:7085", EndpointKind.STATUS),
                        tuple("prometheus", "10.42.0.30:9091", EndpointKind.METRICS));
        assertThat(surface(new CiliumDriver()).controlEndpoints()).extracting(ControlEndpoint::address)
                .containsExactly("172.18.0.2:9962", "172.18.0.2:9963", "172.18.0.2:9964");
    }

    @Test
    void reachRunsOnePodInTheTenantsNamespaceReadsItsLogAndRemovesIt() {
        List<ControlEndpoint> endpoints = List.of(
                new ControlEndpoint("admission-webhook", EndpointKind.WEBHOOK, "svc.ns.svc.cluster.local:443",
                        ControlEndpoint.Read.CONNECT, ""),
                new ControlEndpoint("controller-health", EndpointKind.STATUS, "svc.ns.svc.cluster.local:10254",
                        ControlEndpoint.Read.HTTP_GET, "/healthz"));
        String tenantNs = "gbiso001-iso-attacker";
        server.expect().get().withPath("/api/v1/namespaces/" + tenantNs + "/pods/gateway-bench-reach-1/log?pretty=false")
                .andReturn(200, new Reach.Result(true, "connected").line(0) + "\n"
                        + new Reach.Result(false, "SocketTimeoutException: Connect timed out").line(1) + "\n")
                .once();
        ClusterIsolation surface = surface(new IngressNginxDriver());

        CompletableFuture<List<EndpointReach>> reached = CompletableFuture.supplyAsync(
                () -> surface.reachFrom("iso-attacker", endpoints));
        Pod pod = await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace(tenantNs)
                .withName("gateway-bench-reach-1").get(), p -> p != null);
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo(MockClusterFixture.IMAGE);
        assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("reach",
                "connect,svc.ns.svc.cluster.local:443,", "http_get,svc.ns.svc.cluster.local:10254,%2Fhealthz");
        assertThat(client.namespaces().withName(tenantNs).get().getMetadata().getLabels())
                .containsEntry(Ownership.RUN_LABEL, "gbiso001");
        pod.setStatus(new PodStatusBuilder().withPhase("Succeeded").build());
        client.pods().inNamespace(tenantNs).resource(pod).updateStatus();

        List<EndpointReach> results = reached.join();
        assertThat(results).extracting(EndpointReach::reached, EndpointReach::answer).containsExactly(
                tuple(true, "connected"),
                tuple(false, "SocketTimeoutException: Connect timed out"));
        assertThat(client.pods().inNamespace(tenantNs).list().getItems()).as("the reach pod is removed").isEmpty();
    }
}
