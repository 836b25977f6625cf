package org.gatewaybench.reports.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.EnumMap;
import java.util.Collections;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * Long-connection figures of a run, computed from its journal alone: drops per gateway and kind
 * (by cause), drops per 1,000 route changes and per config apply, the delay from the config apply
 * that retired a connection to its drop, a timeline of drops with config-apply markers, and the
 * connection population over time. Only gateways that the long-connection probe watched have
 * figures; times are offsets from each gateway's start, like every other time axis of a report.
 */
public final class LongConnectionAnalysis implements Fold {

    /** Upper bounds of the delay histogram's buckets; a last bucket takes everything longer. */
    public static final List<Duration> DELAY_BUCKETS = List.of(Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    /** All figures, per gateway that had long connections, in gateway name order. */
    public record Figures(Map<String, GatewayFigures> gateways) {

        /** Whether the journal holds any long-connection event. */
        public boolean any() {
            return !gateways.isEmpty();
        }
    }

    /**
     * One gateway's figures.
     *
     * @param kinds            per connection kind, in the probe's order of kinds
     * @param routeChanges     route writes the API acknowledged
     * @param configApplies    config applies started
     * @param dropsPer1000RouteChanges NaN when there were no route changes
     * @param dropsPerConfigApply      NaN when there were no config applies
     * @param delayFromApply   drops counted by the delay from the config apply that retired the
     *                         connection (the first after it opened) to the drop
     * @param dropsWithoutApply drops of connections that saw no config apply
     * @param timeline         every drop, in time order
     * @param applies          every config apply start, in time order (the timeline's markers)
     * @param population       the population samples per kind, in time order
     */
    public record GatewayFigures(Map<ConnectionKind, KindFigures> kinds, long routeChanges, long configApplies,
                                 double dropsPer1000RouteChanges, double dropsPerConfigApply,
                                 List<DelayBucket> delayFromApply, long dropsWithoutApply, List<DropMark> timeline,
                                 List<ApplyMark> applies, Map<ConnectionKind, List<PopulationPoint>> population) {

        public long drops() {
            return kinds.values().stream().mapToLong(KindFigures::drops).sum();
        }
    }

    /**
     * One kind's counts: drops (and by cause), connections opened, failed reconnects and failed
     * first opens; {@code target} is the population the probe held (its last sample, 0 without one).
     */
    public record KindFigures(int target, long drops, Map<DropCause, Long> dropsByCause, long opened,
                              long failedReconnects, long failedOpens) {
    }

    /** Drops whose delay from apply was below {@code upTo} (null: the open last bucket) and not below the previous bound. */
    public record DelayBucket(Duration upTo, long drops) {
    }

    /** A drop on the timeline; {@code offsetNanos} is since the gateway started. */
    public record DropMark(long offsetNanos, ConnectionKind kind, DropCause cause, long connection, long retiringApply,
                           long sinceRetiringApplyNanos) {
    }

    /** A config apply start on the timeline. */
    public record ApplyMark(long offsetNanos, long apply, String mechanism) {
    }

    /** One population sample. */
    public record PopulationPoint(long offsetNanos, int target, int open) {
    }

    LongConnectionAnalysis() {
    }

    /** Per gateway with any event, in gateway name order. */
    private final Map<String, Builder> builders = new TreeMap<>();

    @Override
    public void accept(Event e) {
        String gateway = RunLayout.gatewayOf(e);
        if (gateway == null) {
            return;
        }
        Builder b = builders.computeIfAbsent(gateway, g -> new Builder());
        // Times stay monotonic nanos until the result knows each gateway's start.
        long mono = e.at().mono();
        if (e instanceof Events.ConnectionDropped d) {
            b.drop(d, mono);
        } else if (e instanceof Events.ConnectionOpened o) {
            b.kind(o.kind()).opened++;
        } else if (e instanceof Events.ConnectionOpenFailed f) {
            Kind k = b.kind(f.kind());
            if (f.reconnect()) {
                k.failedReconnects++;
            } else {
                k.failedOpens++;
            }
        } else if (e instanceof Events.ConnectionPopulation p) {
            b.kind(p.kind()).target = p.target();
            b.population.computeIfAbsent(p.kind(), k -> new ArrayList<>())
                    .add(new PopulationPoint(mono, p.target(), p.open()));
        } else if (e instanceof Events.ConfigApplyStarted a) {
            b.applies.add(new ApplyMark(mono, a.apply(), a.mechanism()));
        } else if (e instanceof Events.OpCompleted op && op.ok()) {
            b.routeChanges++;
        }
    }

    /** The figures, with times from each gateway's start in {@code layout}. */
    Figures result(RunLayout layout) {
        Map<String, GatewayFigures> gateways = new TreeMap<>();
        builders.forEach((gateway, b) -> {
            if (!b.kinds.isEmpty()) {
                gateways.put(gateway, b.build(layout.startMono(gateway)));
            }
        });
        return new Figures(gateways);
    }

    private static final class Kind {
        int target;
        long drops;
        final Map<DropCause, Long> byCause = new EnumMap<>(DropCause.class);
        long opened;
        long failedReconnects;
        long failedOpens;
    }

    private static final class Builder {
        /** Kinds with a connection event; empty for a gateway the long-connection probe did not watch. */
        final Map<ConnectionKind, Kind> kinds = new EnumMap<>(ConnectionKind.class);
        long routeChanges;
        final List<ApplyMark> applies = new ArrayList<>();
        final List<DropMark> timeline = new ArrayList<>();
        final long[] delayCounts = new long[DELAY_BUCKETS.size() + 1];
        long withoutApply;
        final Map<ConnectionKind, List<PopulationPoint>> population = new EnumMap<>(ConnectionKind.class);

        Kind kind(ConnectionKind kind) {
            return kinds.computeIfAbsent(kind, k -> new Kind());
        }

        void drop(Events.ConnectionDropped d, long mono) {
            Kind k = kind(d.kind());
            k.drops++;
            k.byCause.merge(d.cause(), 1L, Long::sum);
            timeline.add(new DropMark(mono, d.kind(), d.cause(), d.connection(), d.retiringApply(),
                    d.sinceRetiringApplyNanos()));
            if (d.retiringApply() < 0) {
                withoutApply++;
                return;
            }
            int bucket = 0;
            while (bucket < DELAY_BUCKETS.size() && d.sinceRetiringApplyNanos() >= DELAY_BUCKETS.get(bucket).toNanos()) {
                bucket++;
            }
            delayCounts[bucket]++;
        }

        /** The figures, times shifted to offsets from {@code origin}. */
        GatewayFigures build(long origin) {
            Map<ConnectionKind, KindFigures> kindFigures = new EnumMap<>(ConnectionKind.class);
            kinds.forEach((name, k) -> kindFigures.put(name, new KindFigures(k.target, k.drops, Collections.unmodifiableMap(new EnumMap<>(k.byCause)), k.opened,
                    k.failedReconnects, k.failedOpens)));
            long drops = kinds.values().stream().mapToLong(k -> k.drops).sum();
            List<DelayBucket> delays = new ArrayList<>();
            for (int i = 0; i < delayCounts.length; i++) {
                delays.add(new DelayBucket(i < DELAY_BUCKETS.size() ? DELAY_BUCKETS.get(i) : null, delayCounts[i]));
            }
            Map<ConnectionKind, List<PopulationPoint>> pop = new EnumMap<>(ConnectionKind.class);
            population.forEach((kind, points) -> pop.put(kind, points.stream()
                    .map(p -> new PopulationPoint(p.offsetNanos() - origin, p.target(), p.open())).toList()));
            return new GatewayFigures(Collections.unmodifiableMap(kindFigures), routeChanges, applies.size(),
                    routeChanges == 0 ? Double.NaN : drops * 1000.0 / routeChanges,
                    applies.isEmpty() ? Double.NaN : (double) drops / applies.size(),
                    List.copyOf(delays), withoutApply,
                    timeline.stream().map(m -> new DropMark(m.offsetNanos() - origin, m.kind(), m.cause(), m.connection(),
                            m.retiringApply(), m.sinceRetiringApplyNanos())).toList(),
                    applies.stream().map(a -> new ApplyMark(a.offsetNanos() - origin, a.apply(), a.mechanism())).toList(),
                    Collections.unmodifiableMap(pop));
        }
    }
}
