package org.gatewaybench.probes.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.route.RouteApiException;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;

/**
 * One isolation check on one gateway while it runs: the writes and requests its procedure makes,
 * each journaled as it happens, and the routes it must remove at the end. Every request and every
 * write is an event: the verdict is judged from those events alone. Thread-safe: noisy-neighbour
 * writes and asks from several threads.
 */
final class CheckRun {

    /** The header a snippet of B sets on answers of A's host; its value is the canary token. */
    static final String CANARY_HEADER = "X-Gateway-Bench-Canary";

    /** A write of the check and the route it wrote. */
    record Written(long id, Route route, boolean ok) {
    }

    /** A request to ask: for {@code write}'s effect, GET {@code path} on {@code host}. */
    record Ask(long write, String host, String path) {
    }

    private final String gateway;
    private final IsolationCheck check;
    private final IsolationPlan plan;
    private final RouteApi routes;
    private final ClientPool clients;
    private final Journal journal;
    private final Clock clock;
    private final AtomicLong writeIds;
    private final AtomicLong routeNames;
    private final Backends backends;
    private final IsolationProfile profile;
    private final IsolationSurface surface;
    private final Map<RouteKey, Route> existing = new LinkedHashMap<>();
    private final AtomicLong barriers = new AtomicLong();
    private volatile String canaryToken;
    private volatile String canaryFile;

    /** The backends the checks' routes point at: A's, B's and the bystanders'. */
    record Backends(Backend victim, Backend attacker, Backend bystander) {
        static Backends of(List<Backend> installed) {
            if (installed.size() < 2) {
                throw new IllegalArgumentException("the isolation probe needs two backends (A's and B's), found "
                        + installed.size());
            }
            return new Backends(installed.get(0), installed.get(1), installed.get(2 % installed.size()));
        }
    }

    CheckRun(String gateway, IsolationCheck check, IsolationPlan plan, RouteApi routes, ClientPool clients,
             Journal journal, Clock clock, AtomicLong writeIds, AtomicLong routeNames, Backends backends,
             IsolationProfile profile, IsolationSurface surface) {
        this.routeNames = routeNames;
        this.gateway = gateway;
        this.check = check;
        this.plan = plan;
        this.routes = routes;
        this.clients = clients;
        this.journal = journal;
        this.clock = clock;
        this.writeIds = writeIds;
        this.backends = backends;
        this.profile = profile;
        this.surface = surface;
    }

    IsolationPlan plan() {
        return plan;
    }

    Backends backends() {
        return backends;
    }

    IsolationProfile profile() {
        return profile;
    }

    IsolationSurface surface() {
        return surface;
    }

    String gateway() {
        return gateway;
    }

    Journal journal() {
        return journal;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The canary of snippet-injection: answers carrying {@code token} (in the canary header or the
     * body) are marked as canary evidence; {@code file} is where it was planted in the gateway, or
     * null when it could not be.
     */
    void canary(String token, String file) {
        this.canaryToken = token;
        this.canaryFile = file;
    }

    String canaryToken() {
        return canaryToken;
    }

    String canaryFile() {
        return canaryFile;
    }

    /** The tenant of {@code actor} (bystander: the first one). */
    String tenant(Actor actor) {
        return switch (actor) {
            case VICTIM -> plan.victim();
            case ATTACKER -> plan.attacker();
            case BYSTANDER -> plan.bystanders().get(0);
        };
    }

    /** A host of this check under {@code tenant}: {@code label.check.tenant.domain}. */
    String host(String label, String tenant) {
        return label + "." + domain(tenant);
    }

    /** The domain of this check's hosts under {@code tenant}, which a wildcard of it covers. */
    String domain(String tenant) {
        return check.word() + "." + tenant + "." + plan.domain();
    }

    /** A route of {@code tenant} named {@code name} and a number unique on this gateway. */
    Route route(String tenant, String name, String host, String path, Backend backend) {
        return new Route(new RouteKey(tenant, name + "-" + routeNames.incrementAndGet()), host, path, backend, 1);
    }

    /** Writes {@code route} as {@code actor} in {@code stage}; a refusal is journaled, not thrown. */
    Written write(Actor actor, Stage stage, OpKind kind, Route route) {
        long id = writeIds.incrementAndGet();
        long invoked = clock.monoNanos();
        boolean ok = true;
        String error = null;
        Refusal refusal = null;
        try {
            switch (kind) {
                case CREATE -> routes.create(route);
                case UPDATE -> routes.update(route);
                case DELETE -> routes.delete(route.key());
            }
        } catch (RouteApiException e) {
            ok = false;
            error = e.getMessage();
            refusal = e.refusal();
        }
        journal.append(new Events.IsolationWrite(clock.now(), gateway, check, id, actor, stage, kind, route.key(),
                route.host(), route.pathPrefix(), route.backend().id(), route.annotations(), route.backendTenant(),
                invoked, ok, error, refusal));
        synchronized (existing) {
            if (ok && kind == OpKind.DELETE) {
                existing.remove(route.key());
            } else if (ok) {
                existing.put(route.key(), route);
            }
        }
        return new Written(id, route, ok);
    }

    /** Creates {@code route} as {@code actor} in {@code stage}. */
    Written create(Actor actor, Stage stage, Route route) {
        return write(actor, stage, OpKind.CREATE, route);
    }

    /** Deletes what {@code written} created, as {@code actor} in {@code stage}; nothing when it was refused. */
    Written delete(Actor actor, Stage stage, Written written) {
        if (!written.ok()) {
            return written;
        }
        return write(actor, stage, OpKind.DELETE, written.route());
    }

    /** One request, journaled; the answer says which backend answered and what canary marks it carried. */
    DataPlaneClient.Reply ask(Stage stage, Ask ask) {
        DataPlaneClient.Reply reply = clients.get(ask.host(), ask.path());
        journal.append(new Events.IsolationRequest(clock.now(), gateway, check, stage, ask.write(), ask.host(),
                ask.path(), reply.sentMono(), reply.status(), reply.backend(), canaryMarks(reply), reply.failure()));
        return reply;
    }

    /**
     * Asks for {@code written}'s route until it is live by the activation rule (its backend answers
     * {@code consecutiveSuccesses} times in a row), or {@code plan.liveTimeout()} passes.
     */
    boolean awaitLive(Stage stage, Written written) throws InterruptedException {
        return awaitLive(stage, written, clock.monoNanos() + plan.liveTimeout().toNanos());
    }

    /** As {@link #awaitLive(Stage, Written)}, giving up at {@code deadlineMono}. */
    boolean awaitLive(Stage stage, Written written, long deadlineMono) throws InterruptedException {
        if (!written.ok()) {
            return false;
        }
        ActivationRule rule = new ActivationRule(plan.consecutiveSuccesses());
        Ask ask = new Ask(written.id(), written.route().host(), written.route().pathPrefix());
        while (clock.monoNanos() - deadlineMono < 0) {
            DataPlaneClient.Reply r = ask(stage, ask);
            boolean ok = r.status() == 200 && written.route().backend().id().equals(r.backend());
            if (rule.observe(ok ? PollOutcome.OK : PollOutcome.NOT_YET, r.sentMono())) {
                return true;
            }
            pause();
        }
        return false;
    }

    /**
     * Writes a barrier (a bystander's route written after B's write) and asks {@code asks} in turn
     * with the barrier's route until the barrier is live, then asks {@code asks} for the settle time
     * more. Once the barrier is live the gateway has taken B's write too: what A's hosts answer then
     * is B's effect. Returns whether the barrier went live.
     */
    boolean settle(Stage stage, List<Ask> asks) throws InterruptedException {
        String tenant = tenant(Actor.BYSTANDER);
        Written barrier = create(Actor.BYSTANDER, stage, route(tenant, "barrier",
                host("barrier-" + barriers.incrementAndGet(), tenant), "/", backends.bystander()));
        boolean live = false;
        if (barrier.ok()) {
            ActivationRule rule = new ActivationRule(plan.consecutiveSuccesses());
            Ask barrierAsk = new Ask(barrier.id(), barrier.route().host(), "/");
            long deadline = clock.monoNanos() + plan.liveTimeout().toNanos();
            while (!live && clock.monoNanos() - deadline < 0) {
                asks.forEach(a -> ask(stage, a));
                DataPlaneClient.Reply r = ask(stage, barrierAsk);
                boolean ok = r.status() == 200 && backends.bystander().id().equals(r.backend());
                live = rule.observe(ok ? PollOutcome.OK : PollOutcome.NOT_YET, r.sentMono());
                pause();
            }
        }
        watch(stage, asks, plan.settle().toNanos());
        return live;
    }

    /** Asks {@code asks} in turn, one round per poll interval, for {@code nanos}. */
    void watch(Stage stage, List<Ask> asks, long nanos) throws InterruptedException {
        long until = clock.monoNanos() + nanos;
        do {
            asks.forEach(a -> ask(stage, a));
            pause();
        } while (clock.monoNanos() - until < 0);
    }

    /** Whether a route this check created exists still. */
    boolean exists(RouteKey key) {
        synchronized (existing) {
            return existing.containsKey(key);
        }
    }

    /** Deletes every route of this check that still exists, as its owner, in stage cleanup. */
    void cleanup() {
        List<Route> left;
        synchronized (existing) {
            left = new ArrayList<>(existing.values());
        }
        for (Route r : left) {
            Actor owner = r.key().tenant().equals(plan.victim()) ? Actor.VICTIM
                    : r.key().tenant().equals(plan.attacker()) ? Actor.ATTACKER : Actor.BYSTANDER;
            write(owner, Stage.CLEANUP, OpKind.DELETE, r);
        }
    }

    void pause() throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(plan.pollInterval().toNanos());
    }

    private String canaryMarks(DataPlaneClient.Reply reply) {
        String token = canaryToken;
        if (token == null || reply.status() == 0) {
            return null;
        }
        List<String> marks = new ArrayList<>();
        String header = reply.header(CANARY_HEADER);
        if (header != null && header.contains(token)) {
            marks.add("header");
        }
        if (reply.body().contains(token)) {
            marks.add("file");
        }
        return marks.isEmpty() ? null : String.join(",", marks);
    }
}
