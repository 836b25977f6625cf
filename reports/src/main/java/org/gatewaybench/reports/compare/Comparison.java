package org.gatewaybench.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.confidence.FigureSpread;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.Interval;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.RunSummary.GatewaySummary;

/**
 * The regression gate: compares a run with a baseline run of the same scenario, gateway by
 * gateway, on the figures a platform team decides on: activation latency (p50, p99, max), routes
 * never activated, error answers, long-connection drops, and each isolation check's verdict (held or
 * refused before, violated or degraded now is a regression). A pure function of two summaries.
 *
 * <p>When both summaries have samples (the repetitions' medians and 95% intervals, which every
 * summary since repetitions has), a change counts as a regression only when it exceeds the
 * tolerance AND the two intervals are apart: a change within the noise the samples show is no
 * change. Summaries without them are compared on their figures by the tolerance alone.
 */
public final class Comparison {

    /** The figures compared, in table order. */
    private static final List<RepeatedFigure> FIGURES = List.of(RepeatedFigure.ACTIVATION_P50,
            RepeatedFigure.ACTIVATION_P99, RepeatedFigure.ACTIVATION_MAX, RepeatedFigure.NEVER_ACTIVATED,
            RepeatedFigure.ERROR_POLLS, RepeatedFigure.LONG_CONNECTION_DROPS);

    private Comparison() {
    }

    /** The findings, gateway by gateway in the current run's order; baseline-only gateways last. */
    public static List<Finding> compare(RunSummary baseline, RunSummary current, Tolerance tolerance) {
        List<Finding> findings = baseline.repetitions() != null && current.repetitions() != null
                ? new ArrayList<>(compareSamples(baseline.repetitions(), current.repetitions(), tolerance))
                : compareFigures(baseline, current, tolerance);
        isolation(baseline, current, findings);
        return findings;
    }

    private static List<Finding> compareFigures(RunSummary baseline, RunSummary current, Tolerance tolerance) {
        Map<String, GatewaySummary> before = baseline.gateways().stream()
                .collect(Collectors.toMap(GatewaySummary::name, Function.identity(), (a, b) -> b));
        List<Finding> findings = new ArrayList<>();
        for (GatewaySummary now : current.gateways()) {
            GatewaySummary then = before.remove(now.name());
            if (then == null) {
                findings.add(missing(now.name(), "gateway", null, 1.0));
                continue;
            }
            compareGateway(then, now, tolerance, findings);
        }
        for (String gone : before.keySet()) {
            findings.add(missing(gone, "gateway", 1.0, null));
        }
        return findings;
    }

    /**
     * Each isolation check either run has, gateway by gateway: safe (held, refused) to a finding
     * (violated, degraded) regressed, the other way improved; a check only one run has is missing.
     * Not-applicable and inconclusive change nothing.
     */
    private static void isolation(RunSummary baseline, RunSummary current, List<Finding> out) {
        Map<String, GatewaySummary> before = baseline.gateways().stream()
                .collect(Collectors.toMap(GatewaySummary::name, Function.identity(), (a, b) -> b));
        for (GatewaySummary now : current.gateways()) {
            GatewaySummary then = before.get(now.name());
            if (then == null) {
                continue; // the gateway itself is missing
            }
            Map<IsolationCheck, Verdict> was = verdicts(then);
            Map<IsolationCheck, Verdict> is = verdicts(now);
            Set<IsolationCheck> checks = new LinkedHashSet<>(is.keySet());
            checks.addAll(was.keySet());
            for (IsolationCheck check : checks) {
                Verdict a = was.get(check);
                Verdict b = is.get(check);
                Finding.Verdict v = a == null || b == null ? Finding.Verdict.MISSING
                        : a.safe() && b.finding() ? Finding.Verdict.REGRESSED
                        : a.finding() && b.safe() ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
                out.add(Finding.ofWords(now.name(), "isolation " + check, a == null ? null : a.word(),
                        b == null ? null : b.word(), v));
            }
        }
    }

    private static Map<IsolationCheck, Verdict> verdicts(GatewaySummary g) {
        Map<IsolationCheck, Verdict> out = new LinkedHashMap<>();
        if (g.isolation() != null) {
            g.isolation().forEach(i -> out.put(i.check(), i.verdict()));
        }
        return out;
    }

    /** True when any finding regressed. */
    public static boolean regressed(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.verdict() == Finding.Verdict.REGRESSED);
    }

    private static List<Finding> compareSamples(List<GatewayRepetitions> baseline, List<GatewayRepetitions> current,
                                                Tolerance tolerance) {
        Map<String, GatewayRepetitions> before = new LinkedHashMap<>();
        baseline.forEach(g -> before.put(g.gateway(), g));
        List<Finding> findings = new ArrayList<>();
        for (GatewayRepetitions now : current) {
            GatewayRepetitions then = before.remove(now.gateway());
            if (then == null) {
                findings.add(missing(now.gateway(), "gateway", null, 1.0));
                continue;
            }
            for (RepeatedFigure figure : FIGURES) {
                Optional<FigureSpread> a = then.figure(figure);
                Optional<FigureSpread> b = now.figure(figure);
                if (a.isPresent() && b.isPresent()) {
                    findings.add(judge(now.gateway(), figure, a.get().interval(), b.get().interval(), tolerance));
                } else if (a.isPresent() || b.isPresent()) {
                    findings.add(missing(now.gateway(), figure.label(), a.map(s -> shown(figure, s)).orElse(null),
                            b.map(s -> shown(figure, s)).orElse(null)));
                }
            }
        }
        for (String gone : before.keySet()) {
            findings.add(missing(gone, "gateway", 1.0, null));
        }
        return findings;
    }

    /** Beyond the tolerance first; then, when both intervals are known, apart or within the noise. */
    static Finding judge(String gateway, RepeatedFigure figure, Interval then, Interval now, Tolerance t) {
        long a = Math.round(then.median());
        long b = Math.round(now.median());
        boolean worse = figure.latency() ? t.latencyRegressed(a, b) : t.countRegressed(a, b);
        boolean better = figure.latency() ? t.latencyRegressed(b, a) : t.countRegressed(b, a);
        Finding.Verdict verdict = worse ? Finding.Verdict.REGRESSED : better ? Finding.Verdict.IMPROVED
                : Finding.Verdict.OK;
        Finding.DecidedBy by = Finding.DecidedBy.TOLERANCE;
        if (verdict != Finding.Verdict.OK && then.bounded() && now.bounded()) {
            by = then.overlaps(now) ? Finding.DecidedBy.INTERVALS_OVERLAP : Finding.DecidedBy.INTERVALS_APART;
            if (by == Finding.DecidedBy.INTERVALS_OVERLAP) {
                verdict = Finding.Verdict.OK;
            }
        }
        double scale = figure.latency() ? 1e6 : 1;
        return new Finding(gateway, figure.label(), figure.unit(), then.median() / scale, now.median() / scale,
                verdict, by);
    }

    private static double shown(RepeatedFigure figure, FigureSpread s) {
        return s.interval().median() / (figure.latency() ? 1e6 : 1);
    }

    private static Finding missing(String gateway, String figure, Double then, Double now) {
        return new Finding(gateway, figure, "", then, now, Finding.Verdict.MISSING, Finding.DecidedBy.NONE);
    }

    private static void compareGateway(GatewaySummary then, GatewaySummary now, Tolerance t, List<Finding> out) {
        ActivationFigures a = then.activation();
        ActivationFigures b = now.activation();
        if (a == null || b == null) {
            // A run whose activation analysis failed has no activation figures to compare.
            out.add(missing(now.name(), "activation", activated(a), activated(b)));
        } else {
            latency(out, now.name(), "activation p50", a.activation().p50Nanos(), b.activation().p50Nanos(), t);
            latency(out, now.name(), "activation p99", a.activation().p99Nanos(), b.activation().p99Nanos(), t);
            latency(out, now.name(), "activation max", a.activation().maxNanos(), b.activation().maxNanos(), t);
            count(out, now.name(), "never activated", a.neverActivated(), b.neverActivated(), t);
            count(out, now.name(), "error polls", a.errorPolls(), b.errorPolls(), t);
        }
        if (then.longConnections() != null || now.longConnections() != null) {
            Long dropsThen = then.longConnections() == null ? null : then.longConnections().drops();
            Long dropsNow = now.longConnections() == null ? null : now.longConnections().drops();
            if (dropsThen == null || dropsNow == null) {
                out.add(missing(now.name(), "long-connection drops", toDouble(dropsThen), toDouble(dropsNow)));
            } else {
                count(out, now.name(), "long-connection drops", dropsThen, dropsNow, t);
            }
        }
    }

    private static void latency(List<Finding> out, String gateway, String figure, long then, long now, Tolerance t) {
        Finding.Verdict v = t.latencyRegressed(then, now) ? Finding.Verdict.REGRESSED
                : t.latencyRegressed(now, then) ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
        out.add(new Finding(gateway, figure, "ms", then / 1e6, now / 1e6, v, Finding.DecidedBy.TOLERANCE));
    }

    private static void count(List<Finding> out, String gateway, String figure, long then, long now, Tolerance t) {
        Finding.Verdict v = t.countRegressed(then, now) ? Finding.Verdict.REGRESSED
                : t.countRegressed(now, then) ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
        out.add(new Finding(gateway, figure, "", (double) then, (double) now, v, Finding.DecidedBy.TOLERANCE));
    }

    /** Routes activated, or null without activation figures. */
    private static Double activated(ActivationFigures f) {
        return f == null ? null : (double) f.activation().count();
    }

    private static Double toDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }
}
