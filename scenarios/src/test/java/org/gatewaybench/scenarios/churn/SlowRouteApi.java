package org.gatewaybench.scenarios.churn;

import java.util.Collection;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Consumer;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;

/** A real route store whose writes take at least {@code millis}, like a busy API server. */
final class SlowRouteApi implements RouteApi {

    private final RouteApi delegate;
    private final LongSupplier millis;

    SlowRouteApi(RouteApi delegate, long millis) {
        this.delegate = delegate;
        this.millis = () -> millis;
    }

    private SlowRouteApi(RouteApi delegate, LongSupplier millis) {
        this.delegate = delegate;
        this.millis = millis;
    }

    /** Writes that take 0 to {@code maxMillis}, drawn from {@code seed}: another seed, another timing. */
    static SlowRouteApi jittered(RouteApi delegate, int maxMillis, long seed) {
        Random random = new Random(seed);
        return new SlowRouteApi(delegate, () -> {
            synchronized (random) {
                return random.nextInt(maxMillis + 1);
            }
        });
    }

    private void pause() {
        try {
            Thread.sleep(millis.getAsLong());
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
