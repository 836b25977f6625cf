package org.gatewaybench.gateways.kubernetes.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.kubernetes.envoygateway.EnvoyGatewayDriver;
import org.gatewaybench.gateways.kubernetes.higress.HigressDriver;
import org.junit.jupiter.api.Test;

/**
 * The cluster faults against fabric8's mock API server (CRUD mode): what each fault
 * changes in the API and what its heal restores. Pods are not run here, so a test plays the
 * ReplicaSet (replacement pods) and the Deployment controller (rollout status) where a heal waits.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterFaultsTest {

    private static final String NS = "gb-1-higress";
    private static final Map<String, String> OWNER = Map.of("gateway-bench.io/run", "1");
    private static final HigressDriver HIGRESS = new HigressDriver();
    private static final Map<String, String> CONTROLLER = Map.of("app", "higress-controller");
    private static final Map<String, String> GATEWAY = Map.of("app", "higress-gateway");

    KubernetesClient client;

    private FaultInjector faults(Duration healTimeout) {
        ClusterGateway higress = new ClusterGateway(client, "higress", NS, HIGRESS.facts(), HIGRESS.faultProfile(), OWNER,
                Optional.empty(), null, new InetSocketAddress("127.0.0.1", 1), healTimeout);
        return ClusterFaults.of(HIGRESS.faultProfile()).injectorFor(higress, "higress", FixtureKind.KUBECONFIG);
    }

    private void pod(String namespace, String name, Map<String, String> labels, boolean ready) {
        client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("x").endContainer().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .endCondition().endStatus().build()).create();
    }

    private List<String> podNames(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream().map(p -> p.getMetadata().getName())
                .sorted().toList();
    }

    @Test
    void killDeletesExactlyTheSelectedPodsOfTheGatewaysNamespaceAndHealWaitsForReadyReplacements() {
        pod(NS, "controller-a", CONTROLLER, true);
        pod(NS, "controller-b", CONTROLLER, true);
        pod(NS, "gateway-a", GATEWAY, true);
        pod(NS, "unrelated", Map.of("app", "console"), true);
        pod("tenant-ns", "same-labels-elsewhere", CONTROLLER, true);

        Fault fault = faults(Duration.ofSeconds(20)).inject(FaultRequest.of(FaultAction.KILL, FaultTarget.CONTROLLER));

        assertThat(podNames(NS)).containsExactly("gateway-a", "unrelated");
        assertThat(podNames("tenant-ns")).containsExactly("same-labels-elsewhere");
        assertThat(fault.detail()).contains("controller-a", "controller-b", "grace period 0");

        // The ReplicaSet's part: one replacement not yet Ready, one Ready, then the second Ready.
        pod(NS, "controller-c", CONTROLLER, true);
        pod(NS, "controller-d", CONTROLLER, false);
        Thread replicaSet = new Thread(() -> {
            sleep(700);
            Pod d = client.pods().inNamespace(NS).withName("controller-d").get();
            d.getStatus().getConditions().get(0).setStatus("True");
            client.pods().inNamespace(NS).resource(d).update();
        });
        replicaSet.start();
        assertThat(fault.heal()).contains("controller-c", "controller-d");
        assertThat(fault.heal()).isEqualTo("already healed");
    }

    @Test
    void aKillWhoseReplacementsNeverComeFailsItsHealNamingWhatItWaitedFor() {
        pod(NS, "gateway-a", GATEWAY, true);
        Fault fault = faults(Duration.ofSeconds(1)).inject(FaultRequest.of(FaultAction.KILL, FaultTarget.DATA_PLANE));
        assertThat(podNames(NS)).isEmpty();
        assertThatThrownBy(fault::heal).isInstanceOf(GatewayException.class)
                .hasMessageContaining("replacement data-plane pods of higress to be Ready");
    }

    @Test
    void killWithoutAnySelectedPodIsRefusedAndChangesNothing() {
        pod(NS, "unrelated", Map.of("app", "console"), true);
        assertThatThrownBy(() -> faults(Duration.ofSeconds(1))
                .inject(FaultRequest.of(FaultAction.KILL, FaultTarget.CONTROLLER)))
                .isInstanceOf(GatewayException.class).hasMessageContaining("no controller pod of higress to kill")
                .hasMessageContaining(NS);
        assertThat(podNames(NS)).containsExactly("unrelated");
    }

    @Test
    void squeezeLowersTheWorkloadsMemoryLimitAndTheHealRestoresItAfterTheRollout() {
        client.apps().deployments().inNamespace(NS).resource(deployment("higress-gateway", GATEWAY, "512Mi", "300Mi"))
                .create();
        client.apps().deployments().inNamespace(NS).resource(deployment("higress-controller", CONTROLLER, "1Gi", null))
                .create();
        long limit = 100L << 20;

        Fault fault = faults(Duration.ofSeconds(20)).inject(
                new FaultRequest(FaultAction.SQUEEZE, FaultTarget.DATA_PLANE, limit));

        var squeezed = container("higress-gateway").getResources();
        assertThat(Quantity.getAmountInBytes(squeezed.getLimits().get("memory")).longValue()).isEqualTo(limit);
        assertThat(Quantity.getAmountInBytes(squeezed.getRequests().get("memory")).longValue())
                .as("a request above the new limit would be refused by the API").isEqualTo(limit);
        assertThat(container("higress-controller").getResources().getLimits().get("memory"))
                .as("the other workload is untouched").isEqualTo(new Quantity("1Gi"));
        assertThat(fault.detail()).contains("Deployment " + NS + "/higress-gateway", "512Mi", "104857600");

        // The Deployment controller's part: the restored template rolled out.
        Thread rollout = new Thread(() -> {
            sleep(500);
            client.apps().deployments().inNamespace(NS).withName("higress-gateway").editStatus(d -> {
                d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(1)
                        .withUpdatedReplicas(1).withReadyReplicas(1)
                        .withObservedGeneration(Optional.ofNullable(d.getMetadata().getGeneration()).orElse(0L))
                        .build());
                return d;
            });
        });
        rollout.start();
        assertThat(fault.heal()).contains("512Mi restored and rolled out");
        var restored = container("higress-gateway").getResources();
        assertThat(restored.getLimits().get("memory")).isEqualTo(new Quantity("512Mi"));
        assertThat(restored.getRequests().get("memory")).isEqualTo(new Quantity("300Mi"));
    }

    @Test
    void squeezeOfAContainerWithoutLimitRemovesTheLimitAgainAtTheHeal() {
        Deployment d = deployment("higress-controller", CONTROLLER, null, null);
        d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(1)
                .withUpdatedReplicas(1).withReadyReplicas(1).withObservedGeneration(99L).build());
        client.apps().deployments().inNamespace(NS).resource(d).create();
        Fault fault = faults(Duration.ofSeconds(5)).inject(
                new FaultRequest(FaultAction.SQUEEZE, FaultTarget.CONTROLLER, 64L << 20));
        assertThat(container("higress-controller").getResources().getLimits()).containsKey("memory");
        fault.heal();
        var r = container("higress-controller").getResources();
        assertThat(r.getLimits() == null ? Map.of() : r.getLimits()).doesNotContainKey("memory");
    }

    @Test
    void partitionCreatesAPolicyCuttingTheControllerFromTheApiServerOnlyAndTheHealDeletesIt() {
        client.endpoints().inNamespace("default").resource(new EndpointsBuilder().withNewMetadata()
                .withName("kubernetes").withNamespace("default").endMetadata().addNewSubset().addNewAddress()
                .withIp("172.18.0.2").endAddress().addNewPort().withName("https").withPort(6443).endPort().endSubset()
                .build()).create();
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata()
                .withName("kubernetes").withNamespace("default").endMetadata().withNewSpec()
                .withClusterIP("10.43.0.1").addNewPort().withPort(443).endPort().endSpec().build()).create();

        Fault fault = faults(Duration.ofSeconds(5)).inject(FaultRequest.of(FaultAction.PARTITION, FaultTarget.CONTROLLER));

        List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(NS).list().getItems();
        assertThat(policies).hasSize(1);
        NetworkPolicy p = policies.get(0);
        assertThat(p.getMetadata().getLabels()).containsAllEntriesOf(OWNER);
        assertThat(p.getSpec().getPodSelector().getMatchLabels()).isEqualTo(CONTROLLER);
        assertThat(p.getSpec().getPolicyTypes()).containsExactly("Egress");
        List<NetworkPolicyEgressRule> egress = p.getSpec().getEgress();
        assertThat(egress.get(0).getTo().get(0).getNamespaceSelector()).as("every pod of the cluster").isNotNull();
        assertThat(egress.get(1).getTo().get(0).getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
        assertThat(egress.get(1).getTo().get(0).getIpBlock().getExcept())
                .containsExactly("172.18.0.2/32", "10.43.0.1/32");
        NetworkPolicyEgressRule api = egress.get(3);
        assertThat(api.getTo().get(0).getIpBlock().getCidr()).isEqualTo("172.18.0.2/32");
        assertThat(api.getPorts()).extracting(NetworkPolicyPort::getProtocol, x -> x.getPort().getIntVal(),
                NetworkPolicyPort::getEndPort).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TCP", 1, 6442),
                org.assertj.core.groups.Tuple.tuple("TCP", 6444, 65535),
                org.assertj.core.groups.Tuple.tuple("UDP", 1, 65535));
        assertThat(fault.detail()).contains("172.18.0.2:6443");

        assertThat(fault.heal()).contains("deleted");
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void eachDriverDeclaresItsFaultsAndTheInjectorRefusesTheRest() {
        assertThat(HIGRESS.faults(FixtureKind.K3S, FaultTarget.DATA_PLANE)).containsExactlyInAnyOrder(FaultAction.KILL,
                FaultAction.FREEZE, FaultAction.SQUEEZE);
        assertThat(HIGRESS.faults(FixtureKind.K3S, FaultTarget.CONTROLLER)).containsExactlyInAnyOrder(FaultAction.KILL,
                FaultAction.SQUEEZE, FaultAction.PARTITION);
        assertThat(HIGRESS.faults(FixtureKind.K3S, FaultTarget.NODE)).containsExactly(FaultAction.RESTART_NODE);
        assertThat(HIGRESS.faults(FixtureKind.KUBECONFIG, FaultTarget.NODE)).isEmpty();
        assertThat(HIGRESS.faults(FixtureKind.EMBEDDED, FaultTarget.DATA_PLANE)).isEmpty();
        assertThat(new EnvoyGatewayDriver().faults(FixtureKind.K3S, FaultTarget.DATA_PLANE))
                .containsExactly(FaultAction.KILL);

        assertThat(faults(Duration.ofSeconds(1)).supported(FaultTarget.NODE)).as("no k3s fixture to restart").isEmpty();
        assertThatThrownBy(() -> faults(Duration.ofSeconds(1))
                .inject(FaultRequest.of(FaultAction.FREEZE, FaultTarget.CONTROLLER)))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("higress cannot freeze controller on fixture kubeconfig");
    }

    @Test
    void theFreezeScriptSignalsTheNamedProcessesButNeverTheFirstOrItself() {
        String script = FreezePods.signalScript("STOP", List.of("nginx", "nginx-ingress-c"));
        assertThat(script).contains("[ \"$p\" = 1 ] && continue", "[ \"$p\" = $$ ] && continue",
                "nginx|nginx-ingress-c) kill -s STOP $p");
    }

    private io.fabric8.kubernetes.api.model.Container container(String deployment) {
        return client.apps().deployments().inNamespace(NS).withName(deployment).get().getSpec().getTemplate()
                .getSpec().getContainers().get(0);
    }

    private static Deployment deployment(String name, Map<String, String> labels, String limit, String request) {
        var resources = new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder();
        if (limit != null) {
            resources.addToLimits("memory", new Quantity(limit));
        }
        if (request != null) {
            resources.addToRequests("memory", new Quantity(request));
        }
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
                .addNewContainer().withName(name).withImage("x").withResources(resources.build()).endContainer()
                .addNewContainer().withName("sidecar").withImage("y").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
