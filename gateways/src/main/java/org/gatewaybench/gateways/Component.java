package org.gatewaybench.gateways;

import java.util.Map;
import java.util.OptionalLong;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * One part of an installed gateway that probes watch and chaos targets: its controller or its
 * data plane. A lab component is a local process tree ({@code rootPid}); a cluster component is a
 * set of pods ({@code namespace} and {@code podSelector}). Read it again after a fault: a restart
 * changes the process id.
 *
 * @param name        a short word for reports, e.g. nginx, haproxy, controller
 * @param target      which part of the gateway it is
 * @param rootPid     the root process of a lab component (empty when it is not a process of its own)
 * @param namespace   the namespace of a cluster component's pods, or null
 * @param podSelector the labels that select a cluster component's pods (empty in the lab)
 */
public record Component(String name, FaultTarget target, OptionalLong rootPid, String namespace,
                        Map<String, String> podSelector) {

    public Component {
        podSelector = Map.copyOf(podSelector);
    }

    /** A lab component running as the process tree under {@code pid}. */
    public static Component process(String name, FaultTarget target, long pid) {
        return new Component(name, target, OptionalLong.of(pid), null, Map.of());
    }

    /** A lab component living inside the harness's own JVM (no process of its own to sample). */
    public static Component inHarness(String name, FaultTarget target) {
        return new Component(name, target, OptionalLong.empty(), null, Map.of());
    }

    /** A cluster component: the pods of {@code namespace} that carry {@code podSelector}. */
    public static Component pods(String name, FaultTarget target, String namespace, Map<String, String> podSelector) {
        return new Component(name, target, OptionalLong.empty(), namespace, podSelector);
    }
}
