package org.gatewaybench.gateways.lab;

import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/** SIGSTOP to the data plane's master and every worker. Heal: SIGCONT. */
final class FreezeDataPlane extends LabFault {

    FreezeDataPlane() {
        super(FaultAction.FREEZE, FaultTarget.DATA_PLANE);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        LabProcess process = gateway.labDataPlane().process();
        List<Long> tree = tree(process.pid());
        for (long pid : tree) {
            process.supervisor().signal(pid, "STOP");
        }
        return Fault.once("SIGSTOP " + process.program() + " processes " + tree, () -> {
            for (long pid : tree) {
                signalQuietly(process.supervisor(), pid, "CONT");
            }
            return "SIGCONT " + tree;
        });
    }
}
