package org.gatewaybench.core.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.GatewayEvent;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.route.RouteKey;

/**
 * The journal events of one isolation check on one gateway, in journal order: what
 * {@link IsolationJudge} judges. The probe collects them as it appends them and the analyses
 * collect them from the journal, with the same {@link Collector}, so both judge the same events.
 *
 * @param statuses route status signals of the check's routes seen while it ran (clusters only)
 * @param errors   error notes of the gateway while the check ran: the probe failed to carry it out
 */
public record CheckEvents(Events.IsolationCheckStarted started, List<Events.IsolationWrite> writes,
                          List<Events.IsolationRequest> requests, List<Events.ControlEndpointTried> endpoints,
                          List<Events.RouteStatusObserved> statuses, List<Events.Note> errors) {

    public CheckEvents {
        Objects.requireNonNull(started, "started");
        writes = List.copyOf(writes);
        requests = List.copyOf(requests);
        endpoints = List.copyOf(endpoints);
        statuses = List.copyOf(statuses);
        errors = List.copyOf(errors);
    }

    public IsolationCheck check() {
        return started.check();
    }

    /** A setting of the check as journaled, or {@code fallback}. */
    public String setting(String key, String fallback) {
        return started.settings().getOrDefault(key, fallback);
    }

    /**
     * Gathers the events of one check of one gateway from a stream of journal events: from its
     * {@link Events.IsolationCheckStarted} on, every isolation write, request and endpoint try of
     * that gateway, and the status signals of routes the check wrote. Thread-safe: the probe's
     * pollers append from several threads.
     */
    public static final class Collector {

        private final Events.IsolationCheckStarted started;
        private final List<Events.IsolationWrite> writes = new ArrayList<>();
        private final List<Events.IsolationRequest> requests = new ArrayList<>();
        private final List<Events.ControlEndpointTried> endpoints = new ArrayList<>();
        private final List<Events.RouteStatusObserved> statuses = new ArrayList<>();
        private final List<Events.Note> errors = new ArrayList<>();

        public Collector(Events.IsolationCheckStarted started) {
            this.started = Objects.requireNonNull(started, "started");
        }

        /** Takes {@code event} if it belongs to this check. */
        public synchronized void accept(Event event) {
            if (!(event instanceof GatewayEvent g)
                    || !started.gateway().equals(g.gateway())) {
                return;
            }
            if (event instanceof Events.IsolationWrite w) {
                writes.add(w);
            } else if (event instanceof Events.IsolationRequest r) {
                requests.add(r);
            } else if (event instanceof Events.ControlEndpointTried e) {
                endpoints.add(e);
            } else if (event instanceof Events.RouteStatusObserved s && written().contains(s.route())) {
                statuses.add(s);
            } else if (event instanceof Events.Note n && n.level() == NoteLevel.ERROR) {
                errors.add(n);
            }
        }

        public synchronized CheckEvents events() {
            return new CheckEvents(started, writes, requests, endpoints, statuses, errors);
        }

        private Set<RouteKey> written() {
            return writes.stream().map(Events.IsolationWrite::route).collect(Collectors.toSet());
        }
    }
}
