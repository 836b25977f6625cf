package org.gatewaybench.gateways.lab;

import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/** The controller applies nothing. Heal: it applies everything that came meanwhile. */
final class FreezeController extends LabFault {

    FreezeController() {
        super(FaultAction.FREEZE, FaultTarget.CONTROLLER);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        LabController controller = gateway.controller();
        controller.pause();
        return Fault.once("controller paused: it applies nothing", () -> {
            controller.resume();
            return "controller resumed";
        });
    }
}
