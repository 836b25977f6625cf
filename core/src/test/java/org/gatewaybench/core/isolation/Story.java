package org.gatewaybench.core.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.route.StatusSignal;
import org.gatewaybench.core.time.Stamp;

/** The events of one isolation check, written as a story with a clock that moves 1 ms per event. */
final class Story {

    static final String GW = "gw";
    static final String A = "b-victim";
    static final String B = "b-attacker";
    static final String Q = "b-quiet";

    private final List<Event> events = new ArrayList<>();
    private final Map<Long, Events.IsolationWrite> writes = new HashMap<>();
    private final Events.IsolationCheckStarted started;
    private long now = 1_000_000_000L;
    private long nextWrite;

    Story(IsolationCheck check, Map<String, String> settings) {
        started = new Events.IsolationCheckStarted(stamp(), GW, check, "va", "vb", List.of("q1", "q2"), settings);
        events.add(started);
    }

    Story(IsolationCheck check) {
        this(check, Map.of());
    }

    private Stamp stamp() {
        now += 1_000_000L;
        return new Stamp(now, now / 1_000_000L);
    }

    /** Moves the clock on by {@code millis}. */
    Story after(long millis) {
        now += millis * 1_000_000L;
        return this;
    }

    long now() {
        return now;
    }

    long write(Actor actor, Stage stage, OpKind kind, String tenant, String host, String path, String backend) {
        return write(actor, stage, kind, tenant, host, path, backend, null);
    }

    /** A write, refused when {@code refusal} is not null. */
    long write(Actor actor, Stage stage, OpKind kind, String tenant, String host, String path, String backend,
               Refusal refusal) {
        long id = ++nextWrite;
        Events.IsolationWrite w = new Events.IsolationWrite(stamp(), GW, started.check(), id, actor, stage, kind,
                new RouteKey(tenant, "r" + id), host, path, backend, Map.of(), null, now - 500_000L,
                refusal == null, refusal == null ? null : "refused by the test", refusal);
        writes.put(id, w);
        events.add(w);
        return id;
    }

    Story ask(Stage stage, long write, String host, String path, int status, String backend) {
        return ask(stage, write, host, path, status, backend, null);
    }

    Story ask(Stage stage, long write, String host, String path, int status, String backend, String canary) {
        Stamp at = stamp();
        events.add(new Events.IsolationRequest(at, GW, started.check(), stage, write, host, path, at.mono() - 200_000L,
                status, backend, canary, status == 0 ? "reset" : null));
        return this;
    }

    /** {@code times} requests for {@code write}'s route answered by {@code backend}. */
    Story answered(Stage stage, long write, String backend, int times) {
        Events.IsolationWrite w = writes.get(write);
        for (int i = 0; i < times; i++) {
            ask(stage, write, w.host(), w.path(), 200, backend);
        }
        return this;
    }

    /** The route of {@code write} goes live: three answers of its own backend. */
    Story live(Stage stage, long write) {
        return answered(stage, write, writes.get(write).backend(), 3);
    }

    Story endpoint(String name, EndpointKind kind, boolean reached) {
        events.add(new Events.ControlEndpointTried(stamp(), GW, name, kind, "10.0.0.1:9180", "GET /", "vb", reached,
                reached ? "HTTP/1.1 200 OK" : "ConnectException: refused"));
        return this;
    }

    Story status(long write, StatusSignal signal, String value) {
        events.add(new Events.RouteStatusObserved(stamp(), GW, writes.get(write).route(), 1, signal, value));
        return this;
    }

    Story error(String message) {
        events.add(new Events.Note(stamp(), NoteLevel.ERROR, GW, message));
        return this;
    }

    CheckEvents events() {
        CheckEvents.Collector collector = new CheckEvents.Collector(started);
        events.forEach(collector::accept);
        return collector.events();
    }

    IsolationJudge.Judgement judge() {
        return IsolationJudge.judge(events(), 3);
    }
}
