package org.gatewaybench.gateways.kubernetes.faults;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.NodeRestarts;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.kubernetes.DataPlaneWait;

/**
 * The node is stopped as a crash would stop it (the k3s container is killed); heal: started again,
 * then wait for the node and the backend pods (re-pointing the routes' EndpointSlices at the pods'
 * new IPs), the data-plane pods and the data plane's answer. Only on fixtures that may restart
 * their node ({@link NodeRestarts}).
 */
final class RestartNode extends ClusterFault {

    RestartNode() {
        super(FaultAction.RESTART_NODE, Set.of(FaultTarget.NODE));
    }

    @Override
    public boolean availableOn(FixtureKind kind) {
        return kind.restartsNodes();
    }

    @Override
    public Fault inject(ClusterGateway gateway, FaultRequest request) {
        NodeRestarts node = gateway.node().orElseThrow(() -> new GatewayException("the fixture of " + gateway.name()
                + " has no node the harness may restart"));
        Instant killed = Instant.now();
        String stopped = node.stopNode();
        return Fault.once(stopped, () -> {
            String started = node.startNode(gateway.healTimeout());
            // Backend pods get new sandboxes, maybe new IPs: the routes' EndpointSlices must follow.
            String backends = gateway.backendEndpoints().refresh(killed, gateway.healTimeout()).describe();
            List<String> ready = gateway.heal("the data-plane pods of " + gateway.name() + " to be Ready after the "
                    + "node restart").until(() -> gateway.readyPods(gateway.selector(FaultTarget.DATA_PLANE)).stream()
                    .map(p -> p.getMetadata().getName()).toList(), found -> !found.isEmpty());
            DataPlaneWait.untilAnswering(gateway.dataPlane(), gateway.healTimeout());
            return started + "; " + backends + "; data-plane pods Ready " + ready + "; the data plane answers at "
                    + gateway.dataPlane();
        });
    }
}
