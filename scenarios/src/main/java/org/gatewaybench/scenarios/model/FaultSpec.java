package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * One fault of the chaos schedule, injected into each gateway of the run at the same moment of
 * its churn and healed {@code duration} later.
 *
 * @param at               time since the churn started
 * @param duration         how long the fault lasts before its heal (a killed component stays
 *                         down this long before it is started again)
 * @param memoryLimitBytes for squeeze: the memory limit imposed; 0 otherwise
 */
public record FaultSpec(Duration at, FaultAction action, FaultTarget target, Duration duration,
                        long memoryLimitBytes) {

    /** What the gateway's injector is asked to do. */
    public FaultRequest request() {
        return new FaultRequest(action, target, memoryLimitBytes);
    }
}
