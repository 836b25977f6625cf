package org.gatewaybench.gateways;

import java.util.Objects;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * One fault to inject.
 *
 * @param memoryLimitBytes for {@link FaultAction#SQUEEZE}: the memory limit to impose (in the
 *                         lab the address-space limit of each process, in a cluster the
 *                         container's memory limit); 0 for other actions
 */
public record FaultRequest(FaultAction action, FaultTarget target, long memoryLimitBytes) {

    public FaultRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        if (action == FaultAction.SQUEEZE && memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("squeeze needs a positive memory limit, found " + memoryLimitBytes);
        }
    }

    /** A request without a memory limit. */
    public static FaultRequest of(FaultAction action, FaultTarget target) {
        return new FaultRequest(action, target, 0);
    }

    /** "kill data-plane", for messages. */
    public String describe() {
        return action.word() + " " + target.word();
    }
}
