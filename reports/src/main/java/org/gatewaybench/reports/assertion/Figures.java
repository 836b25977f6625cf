package org.gatewaybench.reports.assertion;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayIsolation;
import org.gatewaybench.reports.analysis.GatewayResources;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * The figures assertions can bound, each read from the same analyses the reports show. A new
 * figure is one entry here: its name, the analysis it comes from, its unit, its help and how to
 * read it for one gateway; validation, judging, the reports and `gateway-bench figures` follow.
 *
 * <p>The isolation checks are counted by verdict ({@code isolation.violated == 0}: no check of
 * the gateway violated), so that a bound on them reads like every other and the measured value's
 * detail names the checks.
 */
public final class Figures {

    /** The form of a figure name. */
    public static final String PATTERN = "[a-z0-9]+([.-][a-z0-9]+)*";

    private static final List<Figure> ALL = List.of(
            activation("activation.p50", "activation latency (API ack to 3 right answers in a row), median",
                    LatencyStats::p50Nanos),
            activation("activation.p90", "activation latency, 90th percentile", LatencyStats::p90Nanos),
            activation("activation.p99", "activation latency, 99th percentile", LatencyStats::p99Nanos),
            activation("activation.max", "activation latency, the slowest route", LatencyStats::maxNanos),
            activation("activation.mean", "activation latency, mean", LatencyStats::meanNanos),
            deactivation("deactivation.p50", "deactivation latency of deleted routes, median", LatencyStats::p50Nanos),
            deactivation("deactivation.p99", "deactivation latency, 99th percentile", LatencyStats::p99Nanos),
            deactivation("deactivation.max", "deactivation latency, the slowest route", LatencyStats::maxNanos),
            activationCount("never-activated", "created or updated routes not active within the probe's timeout",
                    ActivationFigures::neverActivated),
            activationCount("never-deactivated", "deleted routes still answered after the probe's timeout",
                    ActivationFigures::neverDeactivated),
            activationCount("error-polls", "probe answers that were errors: 5xx, resets, timeouts, wrong backends",
                    ActivationFigures::errorPolls),
            activationCount("failed-writes", "route writes the route API refused", ActivationFigures::failedOps),
            activationCount("unresolved", "acknowledged writes with no verdict when the gateway's run ended",
                    ActivationFigures::unresolved),
            new Figure("churn-lag.p99", Analysis.ACTIVATION, Unit.DURATION,
                    "how late route writes left against the churn schedule, 99th percentile (a harness figure)",
                    (a, g) -> latency(a.activation().get(g).overall().churnLag(), LatencyStats::p99Nanos, "writes")),
            new Figure("route-writes.p99", Analysis.ROUTE_WRITES, Unit.DURATION,
                    "route write sent to acknowledged by the route API, 99th percentile",
                    (a, g) -> latency(a.routeWrites().get(g).latency(), LatencyStats::p99Nanos, "acknowledged writes")),
            new Figure("route-writes.refused-by-gateway", Analysis.ROUTE_WRITES, Unit.COUNT,
                    "route writes the gateway's admission webhook denied or could not answer",
                    (a, g) -> Measured.of(a.routeWrites().get(g).refusedByTheGateway(), null)),
            new Figure("config-applies.p99", Analysis.CONFIG_APPLIES, Unit.DURATION,
                    "time a data plane took to take a new configuration, 99th percentile",
                    (a, g) -> latency(a.configApplies().get(g).figures().duration(), LatencyStats::p99Nanos,
                            "successful config applies")),
            new Figure("config-applies.failed", Analysis.CONFIG_APPLIES, Unit.COUNT,
                    "config applies that ended without the configuration in force",
                    (a, g) -> Measured.of(a.configApplies().get(g).figures().failed(),
                            "of " + a.configApplies().get(g).figures().applies() + " config applies")),
            longConnections("long-connections.drops", Unit.COUNT, "held long connections dropped unasked",
                    f -> (double) f.drops()),
            longConnections("long-connections.drops-per-1000-route-changes", Unit.NUMBER,
                    "long-connection drops per 1,000 acknowledged route writes", f -> f.dropsPer1000RouteChanges()),
            longConnections("long-connections.drops-per-config-apply", Unit.NUMBER,
                    "long-connection drops per config apply started", f -> f.dropsPerConfigApply()),
            longConnections("long-connections.failed-reconnects", Unit.COUNT,
                    "reconnects of dropped long connections that failed",
                    f -> (double) f.kinds().values().stream().mapToLong(LongConnectionAnalysis.KindFigures::failedReconnects)
                            .sum()),
            traffic("traffic.error-rate", Unit.PERCENT, "failed requests of the steady traffic, in percent of all",
                    Figures::errorRate),
            traffic("traffic.errors", Unit.COUNT, "failed requests of the steady traffic",
                    t -> requests(t) == 0 ? Measured.none("no traffic was sent")
                            : Measured.of(failed(t), "of " + requests(t) + " requests")),
            traffic("traffic.p99", Unit.DURATION, "latency of the steady traffic (Gatling, all requests), 99th percentile",
                    t -> t.summary() == null ? Measured.none("no Gatling summary of the traffic")
                            : Measured.of(t.summary().p99Ms() * 1e6, "of " + t.summary().requests() + " requests")),
            faults("faults.recovery", Unit.DURATION, "the longest time from a fault's heal until traffic, route "
                    + "activation and long connections were back (0 when nothing needed to recover)", Figures::recovery),
            faults("faults.outage", Unit.DURATION, "the longest outage around a fault: first to last error signal",
                    f -> f.outageSeconds()),
            new Figure("faults.unhealed", Analysis.FAULTS, Unit.COUNT, "injected faults whose heal failed or never came",
                    (a, g) -> Measured.of(a.faults().get(g).faults().stream().filter(f -> !f.healed() || !f.healOk())
                            .count(), "of " + a.faults().get(g).faults().size() + " faults")),
            new Figure("resources.data-plane.memory-peak", Analysis.RESOURCES, Unit.BYTES,
                    "the highest resident memory of the data plane's processes (every sampled component but the "
                            + "controller) at one sample", Figures::dataPlaneMemory),
            isolation("isolation.violated", Verdict.VIOLATED,
                    "isolation checks in which another tenant's route reached or changed A's traffic"),
            isolation("isolation.degraded", Verdict.DEGRADED,
                    "isolation checks in which A was slowed beyond the scenario's bound"),
            isolation("isolation.inconclusive", Verdict.INCONCLUSIVE,
                    "isolation checks that could not judge (their own setup failed)"));

    private static final Map<String, Figure> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Figure::name, Function.identity()));

    private Figures() {
    }

    /** Every figure, in the order above. */
    public static List<Figure> all() {
        return ALL;
    }

    public static Optional<Figure> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The figure {@code name}, or an {@link InvalidAssertionException} listing the known ones. */
    public static Figure require(String name) {
        return named(name).orElseThrow(() -> new InvalidAssertionException("figure",
                "a figure of the reports: " + ALL.stream().map(Figure::name).collect(Collectors.joining(", ")),
                "'" + name + "'"));
    }

    private static Figure activation(String name, String help, ToLongFunction<LatencyStats> pick) {
        return new Figure(name, Analysis.ACTIVATION, Unit.DURATION, help,
                (a, g) -> latency(a.activation().get(g).overall().activation(), pick, "activated routes"));
    }

    private static Figure deactivation(String name, String help, ToLongFunction<LatencyStats> pick) {
        return new Figure(name, Analysis.ACTIVATION, Unit.DURATION, help,
                (a, g) -> latency(a.activation().get(g).overall().deactivation(), pick, "deactivated routes"));
    }

    private static Figure activationCount(String name, String help, ToLongFunction<ActivationFigures> pick) {
        return new Figure(name, Analysis.ACTIVATION, Unit.COUNT, help, (a, g) -> {
            ActivationFigures f = a.activation().get(g).overall();
            return Measured.of(pick.applyAsLong(f), "of " + f.ops() + " route writes");
        });
    }

    private static Measured latency(LatencyStats stats, ToLongFunction<LatencyStats> pick, String of) {
        return stats.isEmpty() ? Measured.none("no " + of)
                : Measured.of(pick.applyAsLong(stats), "of " + stats.count() + " " + of);
    }

    private static Figure longConnections(String name, Unit unit, String help,
                                          ToDoubleFunction<LongConnectionAnalysis.GatewayFigures> pick) {
        return new Figure(name, Analysis.LONG_CONNECTIONS, unit, help, (a, g) -> {
            LongConnectionAnalysis.GatewayFigures f = a.longConnections().gateways().get(g);
            if (f == null) {
                return Measured.none("no long connections were held through " + g);
            }
            double value = pick.applyAsDouble(f);
            return Double.isNaN(value) ? Measured.none("no route changes or config applies to count drops against")
                    : Measured.of(value, f.drops() + " drops, " + f.routeChanges() + " route changes, "
                    + f.configApplies() + " config applies");
        });
    }

    private static Figure isolation(String name, Verdict verdict, String help) {
        return new Figure(name, Analysis.ISOLATION, Unit.COUNT, help, (a, g) -> {
            GatewayIsolation isolation = a.isolation().get(g);
            if (isolation == null || !isolation.ran()) {
                return Measured.none("no isolation check ran on " + g);
            }
            List<String> checks = isolation.checks().stream().filter(c -> c.verdict() == verdict)
                    .map(c -> c.check().word()).toList();
            return Measured.of(checks.size(), (checks.isEmpty() ? "" : String.join(", ", checks) + "; ")
                    + "of " + isolation.checks().size() + " checks");
        });
    }

    private static Figure traffic(String name, Unit unit, String help, Function<GatewayTraffic, Measured> read) {
        return new Figure(name, Analysis.TRAFFIC, unit, help, (a, g) -> {
            GatewayTraffic t = a.traffic().get(g);
            return t.any() ? read.apply(t) : Measured.none("no traffic was sent to " + g);
        });
    }

    /** Requests of the traffic: Gatling's summary, or the windows when the run ended before it. */
    private static long requests(GatewayTraffic t) {
        return t.summary() != null ? t.summary().requests()
                : t.windows().stream().mapToLong(GatewayTraffic.Window::requests).sum();
    }

    private static long failed(GatewayTraffic t) {
        return t.summary() != null ? t.summary().ko() : t.ko();
    }

    private static Measured errorRate(GatewayTraffic t) {
        long requests = requests(t);
        return requests == 0 ? Measured.none("no traffic was sent")
                : Measured.of(100.0 * failed(t) / requests, failed(t) + " of " + requests + " requests failed");
    }

    private static Figure faults(String name, Unit unit, String help, ToDoubleFunction<FaultRecovery> seconds) {
        return new Figure(name, Analysis.FAULTS, unit, help, (a, g) -> {
            List<FaultRecovery> faults = a.faults().get(g).faults();
            if (faults.isEmpty()) {
                return Measured.none("no fault was injected into " + g);
            }
            FaultRecovery worst = faults.stream().max(Comparator.comparingDouble(seconds)).orElseThrow();
            double s = seconds.applyAsDouble(worst);
            if (Double.isNaN(s)) {
                return Measured.none("fault #" + worst.fault() + " (" + worst.describe() + ") was never healed");
            }
            return Measured.of(s * 1e9, "fault #" + worst.fault() + " (" + worst.describe() + "), the longest of "
                    + faults.size());
        });
    }

    /** Seconds from the heal until everything that broke was back; NaN without a heal. */
    private static double recovery(FaultRecovery f) {
        if (!f.healed()) {
            return Double.NaN;
        }
        double longest = 0;
        for (double s : new double[] {f.trafficRecoverySeconds(), f.activationRecoverySeconds(), f.dropsStopSeconds()}) {
            if (!Double.isNaN(s)) {
                longest = Math.max(longest, s);
            }
        }
        return longest;
    }

    private static Measured dataPlaneMemory(RunAnalysis a, String gateway) {
        Optional<GatewayResources.Component> peak = a.resources().get(gateway).components().values().stream()
                .filter(c -> !c.name().equals("controller"))
                .max(Comparator.comparingLong(GatewayResources.Component::peakRssBytes));
        return peak.map(c -> Measured.of(c.peakRssBytes(), "component " + c.name() + ", " + c.samples().size()
                + " samples")).orElseGet(() -> Measured.none("no data-plane process of " + gateway + " was sampled"));
    }
}
