package org.gatewaybench.gateways;

import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * Injects faults into one installed gateway. A scenario's chaos schedule asks which actions a
 * gateway supports before the run starts (so an impossible action is refused up front), then
 * injects each at its time and heals it through the returned {@link Fault}.
 */
public interface FaultInjector {

    /** An injector for gateways that support no fault. */
    FaultInjector NONE = new FaultInjector() {
        @Override
        public Set<FaultAction> supported(FaultTarget target) {
            return Set.of();
        }

        @Override
        public Fault inject(FaultRequest request) {
            throw new GatewayException("this gateway supports no fault injection; asked for " + request.describe());
        }
    };

    /** The actions this gateway can take against {@code target}. */
    Set<FaultAction> supported(FaultTarget target);

    /**
     * Starts the fault and returns at once; the fault lasts until {@link Fault#heal()}. Throws a
     * {@link GatewayException} when the fault cannot be started (nothing is then left broken).
     */
    Fault inject(FaultRequest request);
}
