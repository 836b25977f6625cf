package org.gatewaybench.scenarios.churn;

import java.util.List;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;

/**
 * Names and places the routes of a run: route i belongs to tenant i mod tenants, answers on host
 * {@code r<i>.<tenant>.gateway-bench.test} (a reserved test domain) and points at backend i mod
 * backends. An update moves a route to the next backend, so the probe can see it take effect.
 */
public final class RouteFactory {

    /** The domain every route host ends in. */
    public static final String DOMAIN = "gateway-bench.test";

    private final int tenants;
    private final List<Backend> backends;

    public RouteFactory(int tenants, List<Backend> backends) {
        if (tenants < 1 || backends.isEmpty()) {
            throw new IllegalArgumentException("need at least one tenant and one backend");
        }
        this.tenants = tenants;
        this.backends = List.copyOf(backends);
    }

    /** The churn's route number {@code index}. */
    public Route route(long index) {
        return make(String.format("r%06d", index), index);
    }

    /**
     * Stable route number {@code index}: created before the churn and never touched by it, for
     * probes that need routes whose own changes cannot explain what they see (long connections,
     * steady traffic).
     */
    public Route stable(int index) {
        return make(String.format("s%05d", index), index);
    }

    private Route make(String name, long index) {
        String tenant = String.format("t%04d", index % tenants);
        return new Route(new RouteKey(tenant, name), name + "." + tenant + "." + DOMAIN, "/",
                backends.get((int) (index % backends.size())), 1);
    }

    /** The route moved to the backend after its current one. */
    public Route updated(Route route) {
        int current = backends.indexOf(route.backend());
        return route.withBackend(backends.get((current + 1) % backends.size()));
    }
}
