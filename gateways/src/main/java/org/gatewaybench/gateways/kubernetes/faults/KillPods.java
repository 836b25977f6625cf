package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;

/**
 * The selected pods are deleted with grace period 0 (the kubelet SIGKILLs their containers); their
 * ReplicaSet or DaemonSet makes new ones at once. Heal: wait until as many new pods are Ready as
 * were deleted.
 */
final class KillPods extends ClusterFault {

    KillPods() {
        super(FaultAction.KILL, Set.of(FaultTarget.CONTROLLER, FaultTarget.DATA_PLANE));
    }

    @Override
    public Fault inject(ClusterGateway gateway, FaultRequest request) {
        FaultTarget target = request.target();
        Map<String, String> selector = gateway.selector(target);
        List<Pod> victims = gateway.pods(selector).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList();
        if (victims.isEmpty()) {
            throw new GatewayException("no " + target + " pod of " + gateway.name() + " to kill: none in namespace "
                    + gateway.namespace() + " carries " + selector);
        }
        Set<String> uids = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Pod p : victims) {
            uids.add(p.getMetadata().getUid());
            names.add(p.getMetadata().getName());
            gateway.client().pods().inNamespace(gateway.namespace()).withName(p.getMetadata().getName())
                    .withGracePeriod(0).delete();
        }
        int count = victims.size();
        return Fault.once("deleted " + target + " pods " + names + " with grace period 0", () -> {
            List<String> ready = gateway.heal("replacement " + target + " pods of " + gateway.name() + " to be Ready")
                    .until(() -> gateway.readyPods(selector).stream().filter(p -> !uids.contains(p.getMetadata().getUid()))
                            .map(p -> p.getMetadata().getName()).toList(), found -> found.size() >= count);
            return "replacement pods Ready: " + ready;
        });
    }
}
