package org.gatewaybench.probes.longconn;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.backend.NettyTransport;

/**
 * Holds a constant population of long connections through a gateway's data plane to stable routes
 * (routes the churn never touches) and journals every connection that ends or stalls without the
 * probe asking: its kind, cause, age and the config applies around it. A lost connection is
 * replaced with backoff, so the population stays at its target; failed tries are journaled.
 *
 * <p>The probe listens to the run's {@link ObservedJournal} for the gateway's
 * {@link Events.ConfigApplyStarted} events, which lets each drop name the config change before it.
 */
public final class LongConnectionProbe implements AutoCloseable {

    /** Initial connections are opened at this rate, so that the gateway is not hit by one burst. */
    static final int RAMP_PER_SECOND = 2_000;
    private static final long POPULATION_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * What the probe holds.
     *
     * @param counts       connections to hold per kind
     * @param interval     one message, request or stream event per connection per interval; no
     *                     answer for 3 intervals is a stall
     * @param routes       stable routes to connect through; connections are spread over them in turn
     * @param setupTimeout the longest a connect plus handshake or first answer may take
     * @param backoffMin   the wait before the first reconnect; it doubles with each failed try
     * @param backoffMax   the longest wait between tries
     */
    public record Settings(Map<ConnectionKind, Integer> counts, Duration interval, List<Route> routes,
                           Duration setupTimeout, Duration backoffMin, Duration backoffMax) {

        public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

        public Settings {
            counts = Map.copyOf(counts);
            routes = List.copyOf(routes);
            Objects.requireNonNull(interval, "interval");
            counts.forEach((kind, n) -> {
                if (n < 0) {
                    throw new IllegalArgumentException("connection count of " + kind.word() + " must be >= 0: " + n);
                }
            });
            if (counts.values().stream().mapToInt(Integer::intValue).sum() < 1) {
                throw new IllegalArgumentException("long-connection probe: expected at least one connection, found "
                        + counts);
            }
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("long-connection interval must be at least 10ms: " + interval);
            }
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("long-connection probe: expected at least one stable route");
            }
            if (setupTimeout.isNegative() || setupTimeout.isZero() || backoffMin.isNegative() || backoffMin.isZero()
                    || backoffMax.compareTo(backoffMin) < 0) {
                throw new IllegalArgumentException("expected setupTimeout > 0 and 0 < backoffMin <= backoffMax, found "
                        + setupTimeout + ", " + backoffMin + ", " + backoffMax);
            }
        }

        /** Settings with a 5s setup timeout and reconnect backoff from 100ms to 5s. */
        public static Settings of(Map<ConnectionKind, Integer> counts, Duration interval, List<Route> routes) {
            return new Settings(counts, interval, routes, Duration.ofSeconds(5), Duration.ofMillis(100),
                    Duration.ofSeconds(5));
        }

        /** Connections to hold of {@code kind}. */
        public int count(ConnectionKind kind) {
            return counts.getOrDefault(kind, 0);
        }
    }

    private final String gateway;
    private final InetSocketAddress dataPlane;
    private final Settings settings;
    private final ObservedJournal journal;
    private final Clock clock;
    private final ConfigApplies applies;
    private final EventLoopGroup group;
    private final Map<ConnectionKind, AtomicInteger> open = new EnumMap<>(ConnectionKind.class);
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicLong nextConnectionId = new AtomicLong();
    private volatile boolean stopping;
    private AutoCloseable listening;
    private ScheduledFuture<?> sampler;

    /**
     * @param gateway   the driver name the journaled events belong to
     * @param dataPlane the gateway's data-plane address; each connection sends its route's Host header
     * @param ioThreads event loop threads (0 = Netty's default)
     */
    public LongConnectionProbe(String gateway, InetSocketAddress dataPlane, Settings settings, ObservedJournal journal,
                               Clock clock, int ioThreads) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.dataPlane = Objects.requireNonNull(dataPlane, "dataPlane");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.applies = new ConfigApplies(gateway);
        this.group = NettyTransport.newGroup(ioThreads, "longconn");
        for (ConnectionKind kind : ConnectionKind.values()) {
            open.put(kind, new AtomicInteger());
        }
    }

    /** Starts listening for config applies, opens the population (ramped) and samples it every second. */
    public synchronized void start() {
        if (listening != null) {
            throw new IllegalStateException("long-connection probe of " + gateway + " is already started");
        }
        listening = journal.listen(applies::observe);
        int index = 0;
        for (ConnectionKind kind : ConnectionKind.values()) {
            for (int i = 0; i < settings.count(kind); i++) {
                Route route = settings.routes().get(index % settings.routes().size());
                slots.add(new Slot(index, kind, route, group.next()));
                index++;
            }
        }
        long step = TimeUnit.SECONDS.toNanos(1) / RAMP_PER_SECOND;
        for (Slot slot : slots) {
            slot.loop().schedule(slot::connect, slot.index() * step, TimeUnit.NANOSECONDS);
        }
        sampler = group.next().scheduleAtFixedRate(this::samplePopulation, POPULATION_SAMPLE_NANOS,
                POPULATION_SAMPLE_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Connections of {@code kind} open now. */
    public int open(ConnectionKind kind) {
        return open.get(kind).get();
    }

    /** Connections open now, of every kind. */
    public int openTotal() {
        return open.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The settings the probe runs with. */
    public Settings settings() {
        return settings;
    }

    /** Ends every connection (not journaled as drops), journals the last population and stops. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (sampler != null) {
            sampler.cancel(false);
            samplePopulation();
        }
        List<Future<?>> stops = new ArrayList<>();
        for (Slot slot : slots) {
            stops.add(slot.loop().submit(slot::stop));
        }
        for (Future<?> stop : stops) {
            stop.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop listening to the journal", e);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    Clock clock() {
        return clock;
    }

    InetSocketAddress dataPlane() {
        return dataPlane;
    }

    long intervalNanos() {
        return settings.interval().toNanos();
    }

    Duration setupTimeout() {
        return settings.setupTimeout();
    }

    private void samplePopulation() {
        for (ConnectionKind kind : ConnectionKind.values()) {
            int target = settings.count(kind);
            if (target > 0) {
                journal.append(new Events.ConnectionPopulation(clock.now(), gateway, kind, target, open(kind)));
            }
        }
    }

    void opened(HeldConnection c) {
        if (stopping) {
            return;
        }
        open.get(c.slot.kind()).incrementAndGet();
        journal.append(new Events.ConnectionOpened(clock.now(), gateway, c.slot.kind(), c.id,
                c.slot.index(), c.route().key(), c.openedMono - c.connectStartMono, c.slot.attempts));
        c.slot.attempts = 0;
    }

    void dropped(HeldConnection c, DropCause cause, String detail) {
        if (stopping) {
            return;
        }
        open.get(c.slot.kind()).decrementAndGet();
        var at = clock.now();
        ConfigApplies.Apply last = applies.lastAtOrBefore(at.mono());
        ConfigApplies.Apply retiring = applies.firstAfter(c.connectedMono);
        if (retiring != null && retiring.mono() - at.mono() > 0) {
            retiring = null;
        }
        journal.append(new Events.ConnectionDropped(at, gateway, c.slot.kind(), c.id, c.slot.index(),
                c.route().key(), cause, detail, at.mono() - c.openedMono, at.mono() - c.lastAnswerMono,
                last == null ? -1 : last.id(), last == null ? null : last.mechanism(),
                last == null ? -1 : at.mono() - last.mono(),
                retiring == null ? -1 : retiring.id(), retiring == null ? -1 : at.mono() - retiring.mono(),
                applies.countBetween(c.connectedMono, at.mono())));
        c.slot.lostBefore = true;
        c.slot.loop().schedule(c.slot::connect, backoffNanos(0), TimeUnit.NANOSECONDS);
    }

    void openFailed(HeldConnection c, DropCause cause, String detail) {
        if (stopping) {
            return;
        }
        long backoff = backoffNanos(c.slot.attempts);
        journal.append(new Events.ConnectionOpenFailed(clock.now(), gateway, c.slot.kind(), c.slot.index(),
                c.route().key(), c.slot.attempts, c.slot.lostBefore, cause, detail, backoff));
        c.slot.loop().schedule(c.slot::connect, backoff, TimeUnit.NANOSECONDS);
    }

    /** The wait after {@code failedTries} failed tries: doubling from the minimum, capped, with jitter. */
    private long backoffNanos(int failedTries) {
        long min = settings.backoffMin().toNanos();
        long max = settings.backoffMax().toNanos();
        long wait = failedTries <= 1 ? min : min << Math.min(failedTries - 1, 30);
        wait = Math.min(max, wait);
        // Jitter spreads the reconnects of connections that dropped together.
        return wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    }

    private HeldConnection newConnection(Slot slot) {
        long id = nextConnectionId.incrementAndGet();
        return switch (slot.kind()) {
            case WEBSOCKET -> new WebSocketConnection(this, slot, id);
            case HTTP1 -> new KeepAliveConnection(this, slot, id);
            case SSE -> new EventStreamConnection(this, slot, id);
            case H2C -> new H2cConnection(this, slot, id);
        };
    }

    /**
     * One place in the population: a kind, a route and the connection that fills it now. All of a
     * slot runs on its one event loop.
     */
    final class Slot {
        private final int index;
        private final ConnectionKind kind;
        private final Route route;
        private final EventLoop loop;
        /** Tries since the slot last held an open connection. */
        int attempts;
        /** The slot has lost a connection before: its tries are reconnects. */
        boolean lostBefore;
        private HeldConnection current;

        Slot(int index, ConnectionKind kind, Route route, EventLoop loop) {
            this.index = index;
            this.kind = kind;
            this.route = route;
            this.loop = loop;
        }

        int index() {
            return index;
        }

        ConnectionKind kind() {
            return kind;
        }

        Route route() {
            return route;
        }

        EventLoop loop() {
            return loop;
        }

        void connect() {
            if (stopping) {
                return;
            }
            attempts++;
            current = newConnection(this);
            current.connect();
        }

        void stop() {
            if (current != null) {
                current.stop();
            }
        }
    }
}
