package org.gatewaybench.gateways.kubernetes;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * Which faults a Helm driver's gateway can take in a cluster, beyond what every one can (kill of
 * both parts, squeeze of the controller, restart-node on k3s); its fault catalog is built from
 * this ({@code faults.ClusterFaults}).
 *
 * @param freezeProcesses per target, the process names ({@code /proc/PID/comm}) that freeze stops
 *                        inside the first container of each pod; a target without an entry cannot
 *                        be frozen (no shell in the image, or the work is done by the container's
 *                        first process, which no signal from inside its PID namespace can stop)
 * @param partition       whether the controller can be cut from the API server by a NetworkPolicy
 *                        (not when it runs in the node's network namespace)
 * @param squeezeDataPlane whether the data plane's workload may be patched (not when another
 *                        controller owns it and would undo the patch)
 */
public record FaultProfile(Map<FaultTarget, List<String>> freezeProcesses, boolean partition,
                           boolean squeezeDataPlane) {

    public FaultProfile {
        freezeProcesses = Map.copyOf(freezeProcesses);
        freezeProcesses.values().forEach(names -> names.forEach(n -> {
            if (!n.matches("[A-Za-z0-9._-]{1,15}")) {
                throw new IllegalArgumentException("process name '" + n + "' is not a /proc comm (1-15 of [A-Za-z0-9._-])");
            }
        }));
    }
}
