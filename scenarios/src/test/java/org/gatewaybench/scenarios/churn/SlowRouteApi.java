package org.gatewaybench.scenarios.churn;

import java.util.Collection;
import java.util.function.Consumer;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;

/** A real route store whose writes take at least {@code millis}, like a busy API server. */
final class SlowRouteApi implements RouteApi {

    private final RouteApi delegate;
    private final long millis;

    SlowRouteApi(RouteApi delegate, long millis) {
        this.delegate = delegate;
        this.millis = millis;
    }

    private void pause() {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void create(Route route) {
        pause();
        delegate.create(route);
    }

    @Override
    public void update(Route route) {
        pause();
        delegate.update(route);
    }

    @Override
    public void delete(RouteKey key) {
        pause();
        delegate.delete(key);
    }

    @Override
    public Collection<Route> list() {
        return delegate.list();
    }

    @Override
    public AutoCloseable watch(Consumer<RouteChange> watcher) {
        return delegate.watch(watcher);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
