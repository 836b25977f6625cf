package org.gatewaybench.core.route;

import java.util.Map;
import java.util.Objects;

/**
 * One tenant's route: requests for {@code host} whose path starts with {@code pathPrefix} go to
 * {@code backend}. Written as an Ingress rule or an HTTPRoute in a cluster, as a server block or a
 * map entry in the lab. {@code revision} grows with each update so a probe can tell an updated
 * route from its previous version (the backend echoes nothing of it; the revision changes the
 * backend or the path).
 *
 * <p>Two parts only the isolation probe sets: {@code annotations} the route object carries (snippet
 * annotations and their like, keyed as the gateway reads them; empty for every other route), and
 * {@code backendTenant}, the tenant whose Service names the backend when that is not the route's own
 * (a reference into another tenant's namespace; null for the route's own tenant). A host may start
 * with {@code *.}: a wildcard for one label under the rest.
 */
public record Route(RouteKey key, String host, String pathPrefix, Backend backend, long revision,
                    Map<String, String> annotations, String backendTenant) {

    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(backend, "backend");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path prefix must start with '/': " + pathPrefix);
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        if (key.tenant().equals(backendTenant)) {
            backendTenant = null;
        }
    }

    /** A route of its own tenant's backend, without annotations: every route but the isolation probe's. */
    public Route(RouteKey key, String host, String pathPrefix, Backend backend, long revision) {
        this(key, host, pathPrefix, backend, revision, Map.of(), null);
    }

    /** The same route sent to another backend, one revision later. */
    public Route withBackend(Backend newBackend) {
        return new Route(key, host, pathPrefix, newBackend, revision + 1, annotations, backendTenant);
    }

    /** Whether the backend is named through another tenant's Service ({@link #backendTenant()}). */
    public boolean crossTenant() {
        return backendTenant != null;
    }

    /** Whether the host is a wildcard ({@code *.example.test}). */
    public boolean wildcard() {
        return host.startsWith("*.");
    }
}
