package org.gatewaybench.probes.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.EventTypes;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;

/**
 * The harness's own live metrics, for watching a long run from Prometheus or a browser: routes
 * written, activated and pending, probe polls, config applies, traffic, gateway memory, harness
 * lag, and every journal event by type (so events added later, such as long-connection drops, are
 * counted without a change here). Fed only by journal events, so it shows what the journal will
 * hold. Served on request on 127.0.0.1 only.
 *
 * <p>A route write is pending from its acknowledgement until the probe's polls reach the
 * {@link ActivationRule} for it (3 OK answers in a row) or the probe gives up on it.
 */
public final class HarnessMetrics implements Consumer<Event>, AutoCloseable {

    /** OK answers in a row that make a route active, as the activation probe judges. */
    public static final int ACTIVATION_STREAK = 3;


    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter events = Counter.builder().name("gatewaybench_journal_events_total")
            .help("Journal events by type").labelNames("type").register(registry);
    private final Counter routeOps = Counter.builder().name("gatewaybench_route_ops_total")
            .help("Route writes acknowledged (ok) or refused by the route API")
            .labelNames("gateway", "kind", "outcome").register(registry);
    private final Gauge pending = Gauge.builder().name("gatewaybench_routes_pending")
            .help("Acknowledged route writes whose effect the data plane does not show yet")
            .labelNames("gateway").register(registry);
    private final Counter activated = Counter.builder().name("gatewaybench_routes_activated_total")
            .help("Route writes the data plane shows (3 OK polls in a row), by expected state")
            .labelNames("gateway", "expect").register(registry);
    private final Counter gaveUp = Counter.builder().name("gatewaybench_routes_gave_up_total")
            .help("Route writes the probe stopped waiting for").labelNames("gateway", "expect").register(registry);
    private final Counter polls = Counter.builder().name("gatewaybench_probe_polls_total")
            .help("Activation probe answers by outcome (ok, not-yet, error)")
            .labelNames("gateway", "outcome").register(registry);
    private final Counter applies = Counter.builder().name("gatewaybench_config_applies_total")
            .help("Data plane configuration applies ended, by mechanism and outcome")
            .labelNames("gateway", "mechanism", "outcome").register(registry);
    private final Histogram applySeconds = Histogram.builder().name("gatewaybench_config_apply_seconds")
            .help("Time from a configuration apply's start to its end").labelNames("gateway", "mechanism")
            .classicOnly().classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .register(registry);
    private final Counter traffic = Counter.builder().name("gatewaybench_traffic_requests_total")
            .help("Traffic probe requests by outcome (ok, ko)").labelNames("gateway", "outcome").register(registry);
    private final Gauge rss = Gauge.builder().name("gatewaybench_gateway_rss_bytes")
            .help("Resident memory of all processes of a gateway component").labelNames("gateway", "component")
            .register(registry);
    private final Gauge workers = Gauge.builder().name("gatewaybench_gateway_workers")
            .help("Worker processes of a gateway component, active or draining after a reload")
            .labelNames("gateway", "component", "state").register(registry);
    private final Gauge lag = Gauge.builder().name("gatewaybench_harness_lag_seconds")
            .help("How far a harness component is behind its schedule").labelNames("gateway", "component")
            .register(registry);

    private final Map<WriteKey, Awaited> awaited = new HashMap<>();
    private final Map<WriteKey, Long> applyStarts = new HashMap<>();
    private HTTPServer server;

    @Override
    public synchronized void accept(Event event) {
        events.labelValues(EventTypes.word(event.getClass())).inc();
        if (event instanceof Events.OpCompleted op) {
            routeOps.labelValues(g(op.gateway()), op.kind().word(), op.ok() ? "ok" : "refused").inc();
            if (op.ok()) {
                String expect = Expect.after(op.kind()).word();
                awaited.put(new WriteKey(g(op.gateway()), op.op()), new Awaited(expect));
                pending.labelValues(g(op.gateway())).inc();
            }
        } else if (event instanceof Events.ProbePoll poll) {
            polls.labelValues(g(poll.gateway()), poll.outcome().word()).inc();
            WriteKey key = new WriteKey(g(poll.gateway()), poll.op());
            Awaited write = awaited.get(key);
            if (write != null && write.rule.observe(poll.outcome(), poll.sentMono())) {
                awaited.remove(key);
                pending.labelValues(key.gateway()).dec();
                activated.labelValues(key.gateway(), write.expect).inc();
            }
        } else if (event instanceof Events.ProbeGaveUp gave) {
            WriteKey key = new WriteKey(g(gave.gateway()), gave.op());
            if (awaited.remove(key) != null) {
                pending.labelValues(key.gateway()).dec();
            }
            gaveUp.labelValues(key.gateway(), gave.expect().word()).inc();
        } else if (event instanceof Events.ConfigApplyStarted start) {
            applyStarts.put(new WriteKey(g(start.gateway()), start.apply()), start.at().mono());
        } else if (event instanceof Events.ConfigApplyEnded end) {
            applies.labelValues(g(end.gateway()), end.mechanism(), end.ok() ? "ok" : "failed").inc();
            Long started = applyStarts.remove(new WriteKey(g(end.gateway()), end.apply()));
            if (started != null) {
                applySeconds.labelValues(g(end.gateway()), end.mechanism()).observe((end.at().mono() - started) / 1e9);
            }
        } else if (event instanceof Events.TrafficWindow w) {
            traffic.labelValues(g(w.gateway()), "ok").inc(w.ok());
            traffic.labelValues(g(w.gateway()), "ko").inc(w.ko());
        } else if (event instanceof Events.ResourceSummary r) {
            rss.labelValues(g(r.gateway()), r.component()).set(r.rssBytes());
            workers.labelValues(g(r.gateway()), r.component(), "active").set(r.workers());
            workers.labelValues(g(r.gateway()), r.component(), "draining").set(r.drainingWorkers());
        } else if (event instanceof Events.HarnessLag l) {
            lag.labelValues(g(l.gateway()), l.component().word()).set(l.lagNanos() / 1e9);
        }
    }

    /** A journal that appends to {@code delegate} and counts what it appends here. */
    public Journal observing(Journal delegate) {
        return event -> {
            delegate.append(event);
            accept(event);
        };
    }

    /**
     * Serves the metrics at {@code http://127.0.0.1:PORT/metrics}; port 0 takes a free one.
     *
     * @return the port it listens on
     */
    public synchronized int serve(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0 (any free port) to 65535, found " + port);
        }
        if (server != null) {
            throw new IllegalStateException("harness metrics are already served on port " + server.getPort());
        }
        try {
            server = HTTPServer.builder().hostname("127.0.0.1").port(port).registry(registry).buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve harness metrics on 127.0.0.1:" + port, e);
        }
        return server.getPort();
    }

    /** Stops serving, if it was. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static String g(String gateway) {
        return gateway == null ? "" : gateway;
    }

    /** One write (or config apply) of one gateway: ids count per gateway. */
    private record WriteKey(String gateway, long id) {
    }

    private static final class Awaited {
        final String expect;
        final ActivationRule rule = new ActivationRule(ACTIVATION_STREAK);

        Awaited(String expect) {
            this.expect = expect;
        }
    }
}
