package org.gatewaybench.core.route;

import java.util.Objects;

/**
 * One tenant's route: requests for {@code host} whose path starts with {@code pathPrefix} go to
 * {@code backend}. Written as an Ingress rule or an HTTPRoute in a cluster, as a server block or a
 * map entry in the lab. {@code revision} grows with each update so a probe can tell an updated
 * route from its previous version (the backend echoes nothing of it; the revision changes the
 * backend or the path).
 */
public record Route(RouteKey key, String host, String pathPrefix, Backend backend, long revision) {

    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(backend, "backend");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path prefix must start with '/': " + pathPrefix);
        }
    }

    /** The same route sent to another backend, one revision later. */
    public Route withBackend(Backend newBackend) {
        return new Route(key, host, pathPrefix, newBackend, revision + 1);
    }
}
