package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.scenarios.rules.FaultRules;

/**
 * One fault of the chaos schedule, injected into each gateway of the run at the same moment of
 * its churn and healed {@code duration} later.
 *
 * @param at       time since the churn started
 * @param duration how long the fault lasts before its heal (a killed component stays down this
 *                 long before it is started again)
 * @param memory   for squeeze: the memory limit imposed; null otherwise
 */
@CheckedBy(FaultRules.class)
public record FaultSpec(
        @Field(help = "when the fault starts, as time since the churn started", required = true)
        Duration at,
        @Field(help = "kill (then restart), freeze (SIGSTOP, then SIGCONT), squeeze (a lower memory limit), "
                + "partition (controller cut off from the route API), restart-node (k3s only)", required = true)
        FaultAction action,
        @Field(help = "what the fault hits: controller, data-plane, or node (restart-node only)", required = true)
        FaultTarget target,
        @Field(help = "how long the fault lasts before it is healed (a killed component stays down this long)",
                fallback = "5s")
        Duration duration,
        @Field(help = "squeeze only: the memory limit to impose (in the lab each process's address-space limit)")
        MemorySize memory) {

    /** The memory limit in bytes, 0 without one. */
    public long memoryLimitBytes() {
        return memory == null ? 0 : memory.bytes();
    }

    /** What the gateway's injector is asked to do. */
    public FaultRequest request() {
        return new FaultRequest(action, target, memoryLimitBytes());
    }
}
