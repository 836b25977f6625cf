package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;

/**
 * The memory limit of the workload's first container is lowered (its request too when the request
 * is above the new limit); the workload rolls out pods with the low limit. Heal: the old limit and
 * request back, then wait for that rollout.
 */
final class SqueezeMemory extends ClusterFault {

    SqueezeMemory(Set<FaultTarget> targets) {
        super(FaultAction.SQUEEZE, targets);
    }

    @Override
    public Fault inject(ClusterGateway gateway, FaultRequest request) {
        long limitBytes = request.memoryLimitBytes();
        Workload<?> workload = Workload.of(gateway, gateway.selector(request.target()));
        Quantity limit = new Quantity(Long.toString(limitBytes));
        Container before = workload.container();
        Quantity oldLimit = memory(before.getResources(), true);
        Quantity oldRequest = memory(before.getResources(), false);
        boolean lowerRequest = oldRequest != null
                && Quantity.getAmountInBytes(oldRequest).longValue() > limitBytes;
        workload.editContainer(c -> {
            setMemory(c, true, limit);
            if (lowerRequest) {
                setMemory(c, false, limit);
            }
            return c;
        });
        return Fault.once(workload.describe() + " container " + before.getName() + ": memory limit " + describe(oldLimit)
                + " -> " + limitBytes + " bytes" + (lowerRequest ? " (request " + oldRequest + " lowered with it)" : "")
                + "; rolling out", () -> {
            workload.editContainer(c -> {
                setMemory(c, true, oldLimit);
                if (lowerRequest) {
                    setMemory(c, false, oldRequest);
                }
                return c;
            });
            gateway.heal(workload.describe() + " to roll out with its memory limit restored").until(workload::rolledOut);
            return workload.describe() + ": memory limit " + describe(oldLimit) + " restored and rolled out";
        });
    }

    private static String describe(Quantity q) {
        return q == null ? "none" : q.toString();
    }

    private static Quantity memory(ResourceRequirements r, boolean limit) {
        if (r == null) {
            return null;
        }
        Map<String, Quantity> map = limit ? r.getLimits() : r.getRequests();
        return map == null ? null : map.get("memory");
    }

    private static void setMemory(Container c, boolean limit, Quantity value) {
        if (c.getResources() == null) {
            c.setResources(new ResourceRequirements());
        }
        ResourceRequirements r = c.getResources();
        Map<String, Quantity> map = new LinkedHashMap<>(Optional.ofNullable(limit ? r.getLimits() : r.getRequests())
                .orElse(Map.of()));
        if (value == null) {
            map.remove("memory");
        } else {
            map.put("memory", value);
        }
        if (limit) {
            r.setLimits(map);
        } else {
            r.setRequests(map);
        }
    }
}
