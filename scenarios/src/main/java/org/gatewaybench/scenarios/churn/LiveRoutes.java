package org.gatewaybench.scenarios.churn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;

/**
 * The routes the churn believes exist, including writes still in flight, with O(1) add, remove
 * and a seeded random pick. The churn engine never sends a second write to a route with one in
 * flight: it waits for that write's answer. Not thread-safe: the churn engine guards it.
 */
final class LiveRoutes {

    private final List<Route> routes = new ArrayList<>();
    private final Map<RouteKey, Integer> index = new HashMap<>();
    private final Map<RouteKey, Integer> inFlight = new HashMap<>();
    private final Random random;

    LiveRoutes(long seed) {
        this.random = new Random(seed);
    }

    int size() {
        return routes.size();
    }

    void put(Route route) {
        Integer at = index.get(route.key());
        if (at != null) {
            routes.set(at, route);
        } else {
            index.put(route.key(), routes.size());
            routes.add(route);
        }
    }

    void remove(RouteKey key) {
        Integer at = index.remove(key);
        if (at == null) {
            return;
        }
        Route last = routes.remove(routes.size() - 1);
        if (at < routes.size()) {
            routes.set(at, last);
            index.put(last.key(), at);
        }
    }

    void busy(RouteKey key) {
        inFlight.merge(key, 1, Integer::sum);
    }

    void idle(RouteKey key) {
        inFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }

    /** Whether a write to {@code key} is in flight. */
    boolean inFlight(RouteKey key) {
        return inFlight.containsKey(key);
    }

    /** The route {@code key} as the churn believes it is now, or null when it does not exist. */
    Route get(RouteKey key) {
        Integer at = index.get(key);
        return at == null ? null : routes.get(at);
    }

    /**
     * A random route, busy or not, or null when there is none. The pick depends only on the seed and
     * on the writes chosen before (never on which writes happen to be in flight), so one seed gives
     * one sequence of writes.
     */
    Route pick() {
        return routes.isEmpty() ? null : routes.get(random.nextInt(routes.size()));
    }

    List<Route> snapshot() {
        return List.copyOf(routes);
    }
}
