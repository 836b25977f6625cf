package org.gatewaybench.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.RunSummary.GatewaySummary;

/**
 * The regression gate: compares a run with a baseline run of the same scenario, gateway by
 * gateway, on the figures a platform team decides on: activation latency (p50, p99, max), routes
 * never activated, error answers, long-connection drops, and each isolation check's verdict (held or
 * refused before, violated or degraded now is a regression). A pure function of two summaries.
 */
public final class Comparison {

    private Comparison() {
    }

    /** The findings, gateway by gateway in the current run's order; baseline-only gateways last. */
    public static List<Finding> compare(RunSummary baseline, RunSummary current, Tolerance tolerance) {
        Map<String, GatewaySummary> before = baseline.gateways().stream()
                .collect(Collectors.toMap(GatewaySummary::name, Function.identity(), (a, b) -> b));
        List<Finding> findings = new ArrayList<>();
        for (GatewaySummary now : current.gateways()) {
            GatewaySummary then = before.remove(now.name());
            if (then == null) {
                findings.add(new Finding(now.name(), "gateway", "", null, 1.0, Finding.Verdict.MISSING));
                continue;
            }
            compareGateway(then, now, tolerance, findings);
        }
        for (String gone : before.keySet()) {
            findings.add(new Finding(gone, "gateway", "", 1.0, null, Finding.Verdict.MISSING));
        }
        return findings;
    }

    /** True when any finding regressed. */
    public static boolean regressed(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.verdict() == Finding.Verdict.REGRESSED);
    }

    private static void compareGateway(GatewaySummary then, GatewaySummary now, Tolerance t, List<Finding> out) {
        ActivationFigures a = then.activation();
        ActivationFigures b = now.activation();
        if (a == null || b == null) {
            // A run whose activation analysis failed has no activation figures to compare.
            out.add(new Finding(now.name(), "activation", "", activated(a), activated(b), Finding.Verdict.MISSING));
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
                out.add(new Finding(now.name(), "long-connection drops", "", toDouble(dropsThen), toDouble(dropsNow),
                        Finding.Verdict.MISSING));
            } else {
                count(out, now.name(), "long-connection drops", dropsThen, dropsNow, t);
            }
        }
        isolation(then, now, out);
    }

    /**
     * Each isolation check either run has: safe (held, refused) to a finding (violated, degraded)
     * regressed, the other way improved; a check only one run has is missing. Not-applicable and
     * inconclusive change nothing.
     */
    private static void isolation(GatewaySummary then, GatewaySummary now, List<Finding> out) {
        Map<IsolationCheck, Verdict> before = verdicts(then);
        Map<IsolationCheck, Verdict> after = verdicts(now);
        Set<IsolationCheck> checks = new LinkedHashSet<>(after.keySet());
        checks.addAll(before.keySet());
        for (IsolationCheck check : checks) {
            Verdict a = before.get(check);
            Verdict b = after.get(check);
            Finding.Verdict v = a == null || b == null ? Finding.Verdict.MISSING
                    : a.safe() && b.finding() ? Finding.Verdict.REGRESSED
                    : a.finding() && b.safe() ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
            out.add(Finding.ofWords(now.name(), "isolation " + check, a == null ? null : a.word(),
                    b == null ? null : b.word(), v));
        }
    }

    private static Map<IsolationCheck, Verdict> verdicts(GatewaySummary g) {
        Map<IsolationCheck, Verdict> out = new LinkedHashMap<>();
        if (g.isolation() != null) {
            g.isolation().forEach(i -> out.put(i.check(), i.verdict()));
        }
        return out;
    }

    private static void latency(List<Finding> out, String gateway, String figure, long then, long now, Tolerance t) {
        Finding.Verdict v = t.latencyRegressed(then, now) ? Finding.Verdict.REGRESSED
                : t.latencyRegressed(now, then) ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
        out.add(new Finding(gateway, figure, "ms", then / 1e6, now / 1e6, v));
    }

    private static void count(List<Finding> out, String gateway, String figure, long then, long now, Tolerance t) {
        Finding.Verdict v = t.countRegressed(then, now) ? Finding.Verdict.REGRESSED
                : t.countRegressed(now, then) ? Finding.Verdict.IMPROVED : Finding.Verdict.OK;
        out.add(new Finding(gateway, figure, "", (double) then, (double) now, v));
    }

    /** Routes activated, or null without activation figures. */
    private static Double activated(ActivationFigures f) {
        return f == null ? null : (double) f.activation().count();
    }

    private static Double toDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }
}
