package org.gatewaybench.reports;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;

/**
 * Journals of isolation checks for the reports' tests, in the probe's words: writes, requests
 * through the data plane, endpoints tried, verdicts. Times in ms since the run started; the clock
 * moves 1 ms per event unless told to wait.
 */
public final class IsolationJournals {

    public static final String A = "b0";
    public static final String B = "b1";
    public static final String Q = "b2";

    private final Journals j;
    private final String gateway;
    private double now;
    private long writes;
    private IsolationCheck check;

    public IsolationJournals(Journals j, String gateway, double startMs) {
        this.j = j;
        this.gateway = gateway;
        this.now = startMs;
    }

    private double tick() {
        return now += 1;
    }

    public IsolationJournals after(double ms) {
        now += ms;
        return this;
    }

    public IsolationJournals settings(Map<String, String> settings) {
        j.append(new Events.IsolationSettingsRecorded(Journals.at(tick()), gateway, settings));
        return this;
    }

    public IsolationJournals start(IsolationCheck check, Map<String, String> settings) {
        this.check = check;
        j.append(new Events.IsolationCheckStarted(Journals.at(tick()), gateway, check, "va", "vb", List.of("q1"),
                settings));
        return this;
    }

    public long write(Actor actor, Stage stage, OpKind kind, String tenant, String host, String path, String backend,
                      boolean ok) {
        long id = ++writes;
        double at = tick();
        j.append(new Events.IsolationWrite(Journals.at(at), gateway, check, id, actor, stage, kind,
                new RouteKey(tenant, "r" + id), host, path, backend, Map.of(), null, Journals.nanos(at - 0.5), ok,
                ok ? null : "admission denied the request", ok ? null : Refusal.ADMISSION_DENIED));
        return id;
    }

    /** {@code times} answers to GET {@code path} on {@code host}, for {@code write}'s effect. */
    public IsolationJournals ask(Stage stage, long write, String host, String path, int status, String backend,
                                 int times) {
        for (int i = 0; i < times; i++) {
            double at = tick();
            j.append(new Events.IsolationRequest(Journals.at(at), gateway, check, stage, write, host, path,
                    Journals.nanos(at - 0.4), status, backend, null, null));
        }
        return this;
    }

    public IsolationJournals endpoint(String name, EndpointKind kind, boolean reached) {
        j.append(new Events.ControlEndpointTried(Journals.at(tick()), gateway, name, kind, "127.0.0.1:9999",
                "show info", "vb", reached, reached ? "2.6.12" : "connection refused"));
        return this;
    }

    public IsolationJournals verdict(Verdict verdict) {
        j.append(new Events.IsolationVerdict(Journals.at(tick()), gateway, check, verdict, "as the probe judged it",
                Map.of()));
        return this;
    }

    /** A same-host-same-path check: B's route takes A's host ({@code captured}) or is refused. */
    public IsolationJournals sameHost(boolean captured, Verdict journaled) {
        start(IsolationCheck.SAME_HOST_SAME_PATH, Map.of("how", "two routes for one host"));
        long a = write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", "app.va", "/", A, true);
        ask(Stage.SETUP, a, "app.va", "/", 200, A, 3);
        write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "app.va", "/", B, captured);
        long barrier = write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "barrier.q1", "/", Q, true);
        ask(Stage.DURING, barrier, "barrier.q1", "/", 200, Q, 3);
        ask(Stage.DURING, 0, "app.va", "/", 200, captured ? B : A, 5);
        if (captured) {
            write(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE, "vb", "app.va", "/", B, true);
        }
        long after = write(Actor.BYSTANDER, Stage.AFTER, OpKind.CREATE, "q1", "after.q1", "/", Q, true);
        ask(Stage.AFTER, after, "after.q1", "/", 200, Q, 3);
        ask(Stage.AFTER, 0, "app.va", "/", 200, A, 2);
        return verdict(journaled);
    }

    /** A config-poisoning check: the quiet tenant's write during B's route goes live only after B's delete ({@code stalls}). */
    public IsolationJournals poisoning(boolean stalls) {
        start(IsolationCheck.CONFIG_POISONING, Map.of(IsolationJudge.STALL_MILLIS, "1000",
                IsolationJudge.LATENCY_RATIO, "3.0", IsolationJudge.FLOOR_MILLIS, "50"));
        for (int i = 0; i < 2; i++) {
            long before = write(Actor.BYSTANDER, Stage.BEFORE, OpKind.CREATE, "q1", "before" + i + ".q1", "/", Q, true);
            after(20).ask(Stage.BEFORE, before, "before" + i + ".q1", "/", 200, Q, 3);
        }
        write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "poison.vb", "/x;", B, true);
        long during = write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "during.q1", "/", Q, true);
        if (stalls) {
            ask(Stage.DURING, during, "during.q1", "/", 404, null, 2).after(1500);
            write(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE, "vb", "poison.vb", "/x;", B, true);
            after(100);
        } else {
            after(25);
        }
        ask(Stage.DURING, during, "during.q1", "/", 200, Q, 3);
        return verdict(stalls ? Verdict.VIOLATED : Verdict.HELD);
    }

    /** A control-plane-exposure check: the runtime API answers ({@code exposed}) or refuses the connection. */
    public IsolationJournals controlPlane(boolean exposed) {
        start(IsolationCheck.CONTROL_PLANE_EXPOSURE, Map.of());
        endpoint("runtime-api", EndpointKind.ADMIN, exposed).endpoint("stats", EndpointKind.STATUS, true);
        return verdict(exposed ? Verdict.VIOLATED : Verdict.HELD);
    }

    public IsolationJournals startOnly(IsolationCheck check) {
        return start(check, Map.of());
    }

    public double now() {
        return now;
    }

    /** Two lab gateways: nginx lets B take A's host, stalls on B's route and exposes its admin API; haproxy refuses. */
    public static Journals run() {
        Journals j = new Journals().runStarted(3, "nginx", "haproxy").gatewayStarted("nginx", 0);
        IsolationJournals n = new IsolationJournals(j, "nginx", 10).settings(Map.of("version", "nginx/1.22.1"))
                .sameHost(true, Verdict.VIOLATED).poisoning(true).controlPlane(true);
        j.gatewayStarted("haproxy", n.now() + 10);
        IsolationJournals h = new IsolationJournals(j, "haproxy", n.now() + 20).sameHost(false, Verdict.REFUSED)
                .poisoning(false).controlPlane(false);
        return j.runEnded(h.now() + 10);
    }
}
