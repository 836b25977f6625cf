package org.gatewaybench.probes.isolation;

import java.util.List;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointReach;
import org.gatewaybench.core.journal.Events;

/**
 * control-plane-exposure: the gateway's control endpoints, tried from where B's workloads run (a
 * connect and at most one harmless read each, through the gateway's isolation surface).
 */
final class ControlPlaneExposure implements Procedure {

    @Override
    public void run(CheckRun run) {
        String attacker = run.tenant(Actor.ATTACKER);
        List<ControlEndpoint> endpoints = run.surface().controlEndpoints();
        for (EndpointReach reach : run.surface().reachFrom(attacker, endpoints)) {
            ControlEndpoint e = reach.endpoint();
            run.journal().append(new Events.ControlEndpointTried(run.clock().now(), run.gateway(), e.name(), e.kind(),
                    e.address(), e.readText(), attacker, reach.reached(), reach.answer()));
        }
    }
}
