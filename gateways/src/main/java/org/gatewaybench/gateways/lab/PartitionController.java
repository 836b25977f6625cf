package org.gatewaybench.gateways.lab;

import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/** The route store delivers no watch event to the controller. Heal: it delivers them all. */
final class PartitionController extends LabFault {

    PartitionController() {
        super(FaultAction.PARTITION, FaultTarget.CONTROLLER);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        gateway.routeStore().holdWatches();
        return Fault.once("route store holds every watch event back from the controller", () -> {
            gateway.routeStore().releaseWatches();
            return "route store delivers watch events again";
        });
    }
}
