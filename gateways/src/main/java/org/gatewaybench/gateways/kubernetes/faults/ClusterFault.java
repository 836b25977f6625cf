package org.gatewaybench.gateways.kubernetes.faults;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.FaultCatalog;
import org.gatewaybench.gateways.FaultKind;
import org.gatewaybench.gateways.kubernetes.FaultProfile;

/**
 * A fault of a gateway in a cluster. Every Helm driver's gateway can be killed
 * ({@link KillPods}) and have its controller squeezed ({@link SqueezeMemory}); what else it takes is
 * its {@link FaultProfile}'s: freeze ({@link FreezePods}) of the targets whose processes it names,
 * a squeezed data plane, a partitioned controller ({@link PartitionController}); restart-node
 * ({@link RestartNode}) where the fixture has a node to restart.
 */
abstract class ClusterFault implements FaultKind<ClusterGateway> {

    private final FaultAction action;
    private final Set<FaultTarget> targets;

    ClusterFault(FaultAction action, Set<FaultTarget> targets) {
        this.action = action;
        this.targets = targets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(targets));
    }

    @Override
    public FaultAction action() {
        return action;
    }

    @Override
    public Set<FaultTarget> targets() {
        return targets;
    }

    /** The faults a Helm driver with {@code profile} supports. */
    static FaultCatalog<ClusterGateway> catalog(FaultProfile profile) {
        List<FaultKind<ClusterGateway>> kinds = new ArrayList<>();
        kinds.add(new KillPods());
        kinds.add(new SqueezeMemory(profile.squeezeDataPlane()
                ? Set.of(FaultTarget.CONTROLLER, FaultTarget.DATA_PLANE) : Set.of(FaultTarget.CONTROLLER)));
        if (!profile.freezeProcesses().isEmpty()) {
            kinds.add(new FreezePods(profile.freezeProcesses().keySet()));
        }
        if (profile.partition()) {
            kinds.add(new PartitionController());
        }
        kinds.add(new RestartNode());
        return new FaultCatalog<>(kinds);
    }
}
