package org.gatewaybench.core.route;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The seam between the harness and wherever routes live: an in-process store in the embedded lab,
 * Ingresses or HTTPRoutes in a Kubernetes cluster. A call returns when the API has acknowledged
 * the write; that moment is a route's t0.
 *
 * <p>Implementations are thread-safe: the churn engine calls them with bounded concurrency.
 */
public interface RouteApi extends AutoCloseable {

    /** Creates a route; fails with {@link RouteApiException} if it exists or the API refuses. */
    void create(Route route);

    /** Replaces an existing route; fails with {@link RouteApiException} if it does not exist. */
    void update(Route route);

    /** Deletes a route; fails with {@link RouteApiException} if it does not exist. */
    void delete(RouteKey key);

    /** Every route that exists now. */
    Collection<Route> list();

    /**
     * Delivers every later change to {@code watcher}, in order, on a thread of the API's own.
     * Closing the returned handle stops the delivery.
     */
    AutoCloseable watch(Consumer<RouteChange> watcher);

    /** Releases what the API holds; routes it created in a real cluster are removed by the fixture. */
    @Override
    void close();
}
