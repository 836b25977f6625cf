package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.fixtures.NodeRestarts;
import org.gatewaybench.fixtures.kubernetes.BackendEndpoints;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.kubernetes.FaultProfile;
import org.gatewaybench.gateways.kubernetes.GatewayFacts;

/**
 * A gateway installed by a Helm driver, as its faults see it: confined to its namespace (and, for
 * restart-node, to the fixture's own node).
 *
 * @param ownershipLabels the run's labels, put on every object a fault creates
 * @param node            the fixture's node when it may be restarted (k3s), else empty
 * @param dataPlane       where the data plane answers, for the heal of restart-node
 * @param healTimeout     how long a heal may wait for pods, rollouts and the node
 */
public record ClusterGateway(KubernetesClient client, String name, String namespace, GatewayFacts facts,
                             FaultProfile profile, Map<String, String> ownershipLabels, Optional<NodeRestarts> node,
                             BackendEndpoints backendEndpoints, InetSocketAddress dataPlane, Duration healTimeout) {

    private static final Duration POLL = Duration.ofMillis(500);

    public ClusterGateway {
        ownershipLabels = Map.copyOf(ownershipLabels);
    }

    /** The labels that select the pods of {@code target}. */
    Map<String, String> selector(FaultTarget target) {
        return GatewayFacts.labels(target == FaultTarget.CONTROLLER ? facts.controllerSelector()
                : facts.dataPlaneSelector());
    }

    List<Pod> pods(Map<String, String> selector) {
        return client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
    }

    List<Pod> readyPods(Map<String, String> selector) {
        return pods(selector).stream().filter(ClusterGateway::isReady).toList();
    }

    static boolean isReady(Pod p) {
        return p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
                && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** A wait of a heal: up to the heal timeout, tolerant of an API briefly away (a restarting node). */
    Wait heal(String what) {
        return Wait.of(what, healTimeout).every(POLL).ignoringErrors().failWith(GatewayException::new);
    }
}
