package org.gatewaybench.gateways.lab;

import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/** SIGSTOP to the data plane's master and every worker still running. Heal: SIGCONT. */
final class FreezeDataPlane extends LabFault {

    FreezeDataPlane() {
        super(FaultAction.FREEZE, FaultTarget.DATA_PLANE);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        LabProcess process = gateway.labDataPlane().process();
        // The master first: stopped, it forks and retires no worker, so the workers listed next stay.
        process.supervisor().signal(process.pid(), "STOP");
        List<Long> tree = tree(process.pid());
        for (long pid : tree.subList(1, tree.size())) {
            // A worker a reload had already retired may exit between listing and signalling.
            signalQuietly(process.supervisor(), pid, "STOP");
        }
        return Fault.once("SIGSTOP " + process.program() + " processes " + tree, () -> {
            for (long pid : tree) {
                signalQuietly(process.supervisor(), pid, "CONT");
            }
            return "SIGCONT " + tree;
        });
    }
}
