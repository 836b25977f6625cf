package org.gatewaybench.gateways.lab;

import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/** The controller stops as a crash would. Heal: a fresh controller that resyncs from the route store. */
final class KillController extends LabFault {

    KillController() {
        super(FaultAction.KILL, FaultTarget.CONTROLLER);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        gateway.stopController();
        return Fault.once("controller stopped: no watch, no apply, its memory gone", () -> {
            gateway.startFreshController();
            return "a fresh controller started and resynced from the route store";
        });
    }
}
