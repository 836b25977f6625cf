package org.gatewaybench.probes.isolation;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;

/**
 * cross-namespace-backend: A's route makes A's Service exist; B's route, on B's own host, names A's
 * Service for its backend (how is the gateway's: an ExternalName Service, a backendRef without a
 * ReferenceGrant, an annotation). B's host is asked: does any answer come from A's backend?
 */
final class CrossNamespaceBackend implements Procedure {

    @Override
    public void run(CheckRun run) throws InterruptedException {
        String victim = run.tenant(Actor.VICTIM);
        CheckRun.Written a = run.create(Actor.VICTIM, Stage.SETUP, run.route(victim, "a", run.host("app", victim), "/",
                run.backends().victim()));
        if (!run.awaitLive(Stage.SETUP, a)) {
            return;
        }
        String attacker = run.tenant(Actor.ATTACKER);
        Route plain = run.route(attacker, "x", run.host("borrow", attacker), "/", run.backends().victim());
        Route reference = new Route(new RouteKey(attacker, plain.key().name()), plain.host(), "/",
                run.backends().victim(), 1, Map.of(), victim);
        CheckRun.Written x = run.create(Actor.ATTACKER, Stage.DURING, reference);
        run.settle(Stage.DURING, List.of(new CheckRun.Ask(x.id(), reference.host(), "/")));
        run.delete(Actor.ATTACKER, Stage.AFTER, x);
    }
}
