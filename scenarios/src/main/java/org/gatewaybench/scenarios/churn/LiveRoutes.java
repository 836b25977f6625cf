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
 * and random pick. A route with a write in flight is never picked for another write. Not
 * thread-safe: the churn engine guards it.
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

    /** A random route with no write in flight, or null if every one is busy (few tries: busy routes are rare). */
    Route pickIdle() {
        for (int attempt = 0; attempt < 32 && !routes.isEmpty(); attempt++) {
            Route r = routes.get(random.nextInt(routes.size()));
            if (!inFlight.containsKey(r.key())) {
                return r;
            }
        }
        for (Route r : routes) {
            if (!inFlight.containsKey(r.key())) {
                return r;
            }
        }
        return null;
    }

    List<Route> snapshot() {
        return List.copyOf(routes);
    }
}
