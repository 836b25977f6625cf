package org.gatewaybench.probes.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;

/**
 * config-poisoning: each bystander writes a route and it goes live (the baseline); B writes a route
 * the data plane's configuration cannot carry; each bystander writes another route, watched until
 * it is live; after the stall bound (or once all are live) B deletes its route and the bystanders'
 * routes are watched on until live: the blast radius is how many were held back and for how long.
 */
final class ConfigPoisoning implements Procedure {

    @Override
    public void run(CheckRun run) throws InterruptedException {
        IsolationPlan plan = run.plan();
        for (String tenant : plan.bystanders()) {
            run.awaitLive(Stage.BEFORE, run.create(Actor.BYSTANDER, Stage.BEFORE, run.route(tenant, "before",
                    run.host("before", tenant), "/", run.backends().bystander())));
        }
        String attacker = run.tenant(Actor.ATTACKER);
        CheckRun.Written poison = run.create(Actor.ATTACKER, Stage.DURING, run.route(attacker, "poison",
                run.host("poison", attacker), run.profile().poisonPath(), run.backends().attacker()));
        List<CheckRun.Written> during = new ArrayList<>();
        for (String tenant : plan.bystanders()) {
            during.add(run.create(Actor.BYSTANDER, Stage.DURING, run.route(tenant, "during", run.host("during", tenant),
                    "/", run.backends().bystander())));
        }
        long deadline = run.clock().monoNanos() + plan.stall().toNanos() + plan.liveTimeout().toNanos();
        ExecutorService watchers = Executors.newFixedThreadPool(during.size(), r -> {
            Thread t = new Thread(r, "isolation-poisoning-watch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> live = new ArrayList<>();
            for (CheckRun.Written w : during) {
                live.add(watchers.submit(() -> run.awaitLive(Stage.DURING, w, deadline)));
            }
            long stallEnd = run.clock().monoNanos() + plan.stall().toNanos();
            while (run.clock().monoNanos() - stallEnd < 0 && !live.stream().allMatch(Future::isDone)) {
                run.pause();
            }
            run.delete(Actor.ATTACKER, Stage.AFTER, poison);
            watchers.shutdown();
            watchers.awaitTermination(plan.stall().toNanos() + plan.liveTimeout().toNanos() + 1_000_000_000L,
                    TimeUnit.NANOSECONDS);
        } finally {
            watchers.shutdownNow();
        }
    }
}
