package org.gatewaybench.probes.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;

/**
 * snippet-injection: A's route goes live; B writes two routes with the gateway's server snippet
 * annotation, both harmless: one under A's host whose snippet adds the canary header to the
 * answers of that host, one on B's own host whose snippet serves the canary file the harness
 * planted in the gateway (the class of CVE-2021-25742). A's host and B's canary path are asked.
 */
final class SnippetInjection implements Procedure {

    /** Where B's snippet would serve the planted file. */
    static final String CANARY_PATH = "/gateway-bench-canary";

    @Override
    public void run(CheckRun run) throws InterruptedException {
        String key = run.profile().serverSnippetAnnotation();
        String token = run.canaryToken();
        String canaryFile = run.canaryFile();
        if (token == null || key == null) {
            throw new IllegalStateException("snippet-injection needs a canary token and the gateway's snippet "
                    + "annotation");
        }
        String victim = run.tenant(Actor.VICTIM);
        String host = run.host("app", victim);
        CheckRun.Written a = run.create(Actor.VICTIM, Stage.SETUP, run.route(victim, "a", host, "/",
                run.backends().victim()));
        if (!run.awaitLive(Stage.SETUP, a)) {
            return;
        }
        String attacker = run.tenant(Actor.ATTACKER);
        List<CheckRun.Written> written = new ArrayList<>();
        List<CheckRun.Ask> asks = new ArrayList<>(List.of(new CheckRun.Ask(a.id(), host, "/")));
        written.add(run.create(Actor.ATTACKER, Stage.DURING, annotated(run.route(attacker, "s", host, "/b-snippet",
                run.backends().attacker()), key, "add_header " + CheckRun.CANARY_HEADER + " \"" + token + "\" always;")));
        if (canaryFile != null) {
            Route own = annotated(run.route(attacker, "s", run.host("own", attacker), "/", run.backends().attacker()),
                    key, "location = " + CANARY_PATH + " { alias " + canaryFile + "; }");
            CheckRun.Written file = run.create(Actor.ATTACKER, Stage.DURING, own);
            written.add(file);
            asks.add(new CheckRun.Ask(file.id(), own.host(), CANARY_PATH));
        }
        run.settle(Stage.DURING, asks);
        for (CheckRun.Written w : written) {
            run.delete(Actor.ATTACKER, Stage.AFTER, w);
        }
    }

    private static Route annotated(Route route, String key, String value) {
        return new Route(new RouteKey(route.key().tenant(), route.key().name()), route.host(), route.pathPrefix(),
                route.backend(), route.revision(), Map.of(key, value), null);
    }
}
