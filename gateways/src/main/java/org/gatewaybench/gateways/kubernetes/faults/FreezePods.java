package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.kubernetes.PodShell;

/**
 * {@code kill -STOP} through a shell exec'd in each pod to the processes the driver's profile
 * names (never the container's first process: inside its PID namespace no signal stops it). Heal:
 * {@code kill -CONT} to the same processes. A liveness probe may restart the frozen container
 * first: that is part of what the fault shows.
 */
final class FreezePods extends ClusterFault {

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);

    FreezePods(Set<FaultTarget> targets) {
        super(FaultAction.FREEZE, targets);
    }

    @Override
    public Fault inject(ClusterGateway gateway, FaultRequest request) {
        FaultTarget target = request.target();
        List<String> comms = gateway.profile().freezeProcesses().get(target);
        List<Pod> frozen = gateway.readyPods(gateway.selector(target));
        if (frozen.isEmpty()) {
            throw new GatewayException("no Ready " + target + " pod of " + gateway.name() + " to freeze");
        }
        Map<String, String> stopped = new LinkedHashMap<>();
        for (Pod p : frozen) {
            stopped.put(p.getMetadata().getName(), exec(gateway, p, signalScript("STOP", comms)).strip());
        }
        return Fault.once("SIGSTOP to processes " + comms + " (pids by pod: " + stopped + ")", () -> {
            Map<String, String> resumed = new LinkedHashMap<>();
            stopped.forEach((pod, pids) -> {
                // A pod that is gone or whose container was restarted has nothing left to resume.
                Pod now = gateway.client().pods().inNamespace(gateway.namespace()).withName(pod).get();
                if (now != null && !pids.isEmpty()) {
                    resumed.put(pod, exec(gateway, now, "kill -s CONT " + pids + " 2>/dev/null; echo " + pids).strip());
                }
            });
            return "SIGCONT (pids by pod: " + resumed + ")";
        });
    }

    /** Signals every process named in {@code comms} but the container's first and the shell itself; prints their pids. */
    static String signalScript(String signal, List<String> comms) {
        return "for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = 1 ] && continue; [ \"$p\" = $$ ] && continue; "
                + "c=$(cat $d/comm 2>/dev/null) || continue; case \"$c\" in " + String.join("|", comms)
                + ") kill -s " + signal + " $p && printf '%s ' $p;; esac; done";
    }

    private static String exec(ClusterGateway gateway, Pod pod, String script) {
        return PodShell.run(gateway.client(), pod, script, EXEC_TIMEOUT, "freeze needs a shell in the image");
    }
}
