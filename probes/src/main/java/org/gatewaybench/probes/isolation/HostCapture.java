package org.gatewaybench.probes.isolation;

import java.util.List;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.route.Route;

/**
 * same-host-same-path and sub-path-capture: A's route for its host and /; then B's route for the
 * same host and / (or /api under it). A's host is asked while B's route exists and after B deleted
 * it: which answers came from B's backend, and did A get its host back?
 */
final class HostCapture implements Procedure {

    /** Paths of A's host asked by sub-path-capture: B's prefix, under it, beside it, and A's others. */
    static final List<String> SUB_PATHS = List.of("/", "/index.html", "/api", "/api/v1/users", "/apix", "/other");

    private final boolean subPath;

    HostCapture(boolean subPath) {
        this.subPath = subPath;
    }

    @Override
    public void run(CheckRun run) throws InterruptedException {
        String victim = run.tenant(Actor.VICTIM);
        String host = run.host("app", victim);
        CheckRun.Written a = run.create(Actor.VICTIM, Stage.SETUP, run.route(victim, "a", host, "/",
                run.backends().victim()));
        if (!run.awaitLive(Stage.SETUP, a)) {
            return;
        }
        List<CheckRun.Ask> asks = (subPath ? SUB_PATHS : List.of("/")).stream()
                .map(p -> new CheckRun.Ask(a.id(), host, p)).toList();
        Route claim = run.route(run.tenant(Actor.ATTACKER), "b", host, subPath ? "/api" : "/",
                run.backends().attacker());
        CheckRun.Written b = run.create(Actor.ATTACKER, Stage.DURING, claim);
        run.settle(Stage.DURING, asks);
        if (b.ok()) {
            run.delete(Actor.ATTACKER, Stage.AFTER, b);
            run.settle(Stage.AFTER, asks);
        }
    }
}
