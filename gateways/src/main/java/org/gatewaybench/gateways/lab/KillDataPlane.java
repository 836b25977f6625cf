package org.gatewaybench.gateways.lab;

import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;

/**
 * SIGKILL to the data plane's master and every worker (like a container's processes dying
 * together; nginx workers outlive a killed master otherwise). Heal: start it again from its
 * configuration on disk.
 */
final class KillDataPlane extends LabFault {

    KillDataPlane() {
        super(FaultAction.KILL, FaultTarget.DATA_PLANE);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        LabProcess process = gateway.labDataPlane().process();
        long master = process.pid();
        List<Long> workers = descendants(master);
        process.supervisor().signal(master, "KILL");
        for (long worker : workers) {
            signalQuietly(process.supervisor(), worker, "KILL");
        }
        String program = process.program();
        return Fault.once("SIGKILL " + program + " master " + master + " and workers " + workers, () -> {
            try {
                gateway.restartDataPlane();
            } catch (RuntimeException e) {
                throw new GatewayException(program + " did not start again: " + e.getMessage(), e);
            }
            return "started " + program + " again from its config on disk, master " + process.pid();
        });
    }
}
