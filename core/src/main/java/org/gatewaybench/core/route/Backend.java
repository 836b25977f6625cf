package org.gatewaybench.core.route;

import java.util.Objects;

/**
 * Where a route sends its traffic: a backend instance known by its id (the id the backend puts in
 * every answer, so a probe can tell the right backend from a wrong one) and its address as the
 * data plane reaches it. In a cluster the address is a Service name and port.
 */
public record Backend(String id, String host, int port) {

    public Backend {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("backend port out of range: " + port);
        }
    }

    public String address() {
        return host + ":" + port;
    }
}
