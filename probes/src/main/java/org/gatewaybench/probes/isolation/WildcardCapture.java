package org.gatewaybench.probes.isolation;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;

/**
 * wildcard-capture: A's live host under its domain; B's route for {@code *.}A's domain. Asked: A's
 * live host and a name only the wildcard covers while B's wildcard exists; then A's new host from
 * its create until it is live (pending); then A's first host just after A deleted it.
 */
final class WildcardCapture implements Procedure {

    @Override
    public void run(CheckRun run) throws InterruptedException {
        String victim = run.tenant(Actor.VICTIM);
        String live = run.host("live", victim);
        CheckRun.Written a1 = run.create(Actor.VICTIM, Stage.SETUP, run.route(victim, "a", live, "/",
                run.backends().victim()));
        if (!run.awaitLive(Stage.SETUP, a1)) {
            return;
        }
        CheckRun.Written wildcard = run.create(Actor.ATTACKER, Stage.DURING, run.route(run.tenant(Actor.ATTACKER),
                "w", "*." + run.domain(victim), "/", run.backends().attacker()));
        String unclaimed = run.host("nobody-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()), victim);
        run.settle(Stage.DURING, List.of(new CheckRun.Ask(a1.id(), live, "/"),
                new CheckRun.Ask(wildcard.id(), unclaimed, "/")));

        CheckRun.Written a2 = run.create(Actor.VICTIM, Stage.PENDING, run.route(victim, "a", run.host("new", victim),
                "/", run.backends().victim()));
        run.awaitLive(Stage.PENDING, a2);

        CheckRun.Written gone = run.delete(Actor.VICTIM, Stage.DELETED, a1);
        run.settle(Stage.DELETED, List.of(new CheckRun.Ask(gone.id(), live, "/")));
        run.delete(Actor.ATTACKER, Stage.AFTER, wildcard);
    }
}
