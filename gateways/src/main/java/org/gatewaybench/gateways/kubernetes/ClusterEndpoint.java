package org.gatewaybench.gateways.kubernetes;

import java.util.Objects;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;

/**
 * A control endpoint of a Helm-installed gateway as its driver declares it, from the chart at its
 * pinned version: on a Service of the release's namespace, on a pod port (selected by labels), or
 * on the node (host-network components). Resolved to an address a pod can use when the probe runs.
 *
 * @param target the Service's name, the pod selector ({@code key=value,...}), or empty for the node
 */
public record ClusterEndpoint(String name, EndpointKind kind, Where where, String target, int port,
                              ControlEndpoint.Read read, String request) {

    /** Where the endpoint listens. */
    public enum Where { SERVICE, POD, NODE }

    public ClusterEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        target = target == null ? "" : target;
        if (where != Where.NODE && target.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + name + " on a " + where + " needs a target");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint " + name + ": port must be 1-65535, found " + port);
        }
    }

    public static ClusterEndpoint service(String name, EndpointKind kind, String service, int port,
                                          ControlEndpoint.Read read, String request) {
        return new ClusterEndpoint(name, kind, Where.SERVICE, service, port, read, request);
    }

    public static ClusterEndpoint pod(String name, EndpointKind kind, String selector, int port,
                                      ControlEndpoint.Read read, String request) {
        return new ClusterEndpoint(name, kind, Where.POD, selector, port, read, request);
    }

    public static ClusterEndpoint node(String name, EndpointKind kind, int port, ControlEndpoint.Read read,
                                       String request) {
        return new ClusterEndpoint(name, kind, Where.NODE, "", port, read, request);
    }

    /** The endpoint at {@code host} (a Service's DNS name, a pod's or the node's IP). */
    public ControlEndpoint at(String host) {
        return new ControlEndpoint(name, kind, host + ":" + port, read, request);
    }
}
