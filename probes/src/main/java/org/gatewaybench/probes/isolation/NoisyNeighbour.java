package org.gatewaybench.probes.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Route;

/**
 * noisy-neighbour: the quiet tenants create routes at the quiet rate for the window, each watched
 * until live (before); then B creates its storm of routes at the storm rate while the quiet tenants
 * go on (during); then B's storm is deleted at the same pace. Every loop is bounded in count and
 * time; the quiet routes go with the check's cleanup.
 */
final class NoisyNeighbour implements Procedure {

    /** Route writes in flight for the storm, as the churn engine's concurrency. */
    static final int STORM_CONCURRENCY = 8;
    /** Quiet routes watched at once. */
    static final int WATCHERS = 16;

    @Override
    public void run(CheckRun run) throws InterruptedException {
        IsolationPlan plan = run.plan();
        ExecutorService watchers = pool(WATCHERS, "isolation-quiet-watch");
        ExecutorService writers = pool(STORM_CONCURRENCY, "isolation-storm");
        try {
            List<Future<Boolean>> before = new ArrayList<>();
            long windowEnd = run.clock().monoNanos() + plan.window().toNanos();
            quiet(run, Stage.BEFORE, watchers, before, () -> run.clock().monoNanos() - windowEnd >= 0);
            awaitAll(before, plan);

            List<Route> storm = new ArrayList<>();
            String attacker = run.tenant(Actor.ATTACKER);
            for (int i = 0; i < plan.stormRoutes(); i++) {
                storm.add(run.route(attacker, "storm", run.host("s" + i, attacker), "/", run.backends().attacker()));
            }
            Future<?> stormDone = writers.submit(() -> paced(run, storm, Stage.DURING, true));
            List<Future<Boolean>> during = new ArrayList<>();
            quiet(run, Stage.DURING, watchers, during, stormDone::isDone);
            awaitAll(during, plan);
            paced(run, storm, Stage.CLEANUP, false);
        } finally {
            watchers.shutdownNow();
            writers.shutdownNow();
        }
    }

    /** Creates quiet routes at the quiet rate, round robin over the bystanders, until {@code done}; each is watched. */
    private static void quiet(CheckRun run, Stage stage, ExecutorService watchers, List<Future<Boolean>> watched,
                              BooleanSupplier done) throws InterruptedException {
        IsolationPlan plan = run.plan();
        long interval = (long) (1e9 / plan.quietRate());
        long next = run.clock().monoNanos();
        int i = 0;
        long bound = next + plan.window().toNanos() + (long) (plan.stormRoutes() / plan.stormRate() * 1e9)
                + plan.liveTimeout().toNanos();
        while (!done.getAsBoolean() && run.clock().monoNanos() - bound < 0) {
            String tenant = plan.bystanders().get(i % plan.bystanders().size());
            CheckRun.Written w = run.create(Actor.BYSTANDER, stage, run.route(tenant, "q", run.host("q-" + stage.word() + "-" + i, tenant),
                    "/", run.backends().bystander()));
            watched.add(watchers.submit(() -> run.awaitLive(stage, w)));
            i++;
            next += interval;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - run.clock().monoNanos()));
        }
    }

    /** Writes {@code routes} (creates, or deletes of the ones that exist) at the storm rate, {@link #STORM_CONCURRENCY} at a time. */
    private static Void paced(CheckRun run, List<Route> routes, Stage stage, boolean create) throws InterruptedException {
        IsolationPlan plan = run.plan();
        ExecutorService writers = pool(STORM_CONCURRENCY, "isolation-storm-write");
        try {
            long interval = (long) (1e9 / plan.stormRate());
            long start = run.clock().monoNanos();
            for (int i = 0; i < routes.size(); i++) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, start + i * interval - run.clock().monoNanos()));
                Route r = routes.get(i);
                if (create) {
                    writers.submit(() -> run.create(Actor.ATTACKER, stage, r));
                } else if (run.exists(r.key())) {
                    writers.submit(() -> run.write(Actor.ATTACKER, stage, OpKind.DELETE, r));
                }
            }
            writers.shutdown();
            writers.awaitTermination(plan.liveTimeout().toNanos() + routes.size() * interval, TimeUnit.NANOSECONDS);
        } finally {
            writers.shutdownNow();
        }
        return null;
    }

    private static void awaitAll(List<Future<Boolean>> watched, IsolationPlan plan) throws InterruptedException {
        long deadline = System.nanoTime() + plan.liveTimeout().toNanos() + 1_000_000_000L;
        for (Future<Boolean> f : watched) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a route that failed or timed out is journaled as such; the judge counts it
            }
        }
    }

    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
