package org.gatewaybench.core.isolation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an installed gateway offers the isolation probe beyond its route API and data plane: the
 * seam between the probe and the gateway's side, like {@link org.gatewaybench.core.route.RouteApi}
 * is for routes. The lab runs it on this machine; clusters through their API.
 */
public interface IsolationSurface {

    /**
     * The gateway's version and its isolation-relevant settings (snippet policy, admission, the
     * runtime API's address), as read from the gateway where it can be read, else as the driver
     * configured them. Never credentials.
     */
    Map<String, String> settings();

    /**
     * Writes {@code token} into a file of the gateway's own file system (the canary of
     * snippet-injection) and returns its path there; empty when this gateway cannot take one.
     */
    Optional<String> plantCanary(String token);

    /** Removes the canary planted last; nothing when none is. */
    void removeCanary();

    /** The control endpoints the driver knows of, as a tenant's workload would address them. */
    List<ControlEndpoint> controlEndpoints();

    /**
     * Tries each endpoint from where {@code tenant}'s workloads run (a pod in its namespace in a
     * cluster, a client on this machine's loopback in the lab), in order.
     */
    List<EndpointReach> reachFrom(String tenant, List<ControlEndpoint> endpoints);

    /** A gateway that offers nothing beyond routes: no settings, no canary, no endpoints. */
    IsolationSurface NONE = new IsolationSurface() {
        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public Optional<String> plantCanary(String token) {
            return Optional.empty();
        }

        @Override
        public void removeCanary() {
        }

        @Override
        public List<ControlEndpoint> controlEndpoints() {
            return List.of();
        }

        @Override
        public List<EndpointReach> reachFrom(String tenant, List<ControlEndpoint> endpoints) {
            return List.of();
        }
    };
}
