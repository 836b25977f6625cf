package org.gatewaybench.reports.study;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.reports.confidence.FigureSpread;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.gatewaybench.reports.confidence.RepetitionFigures;
import org.gatewaybench.reports.confidence.SpreadTable;

/**
 * One comparison from many runs: each gateway's repetitions over all runs pooled (medians and 95%
 * intervals over them), each run's own figures, the assertion results of every run, and the
 * answer a decision needs first: which gateway met which target, by how much. A pure function of
 * the runs read.
 *
 * @param gateways per driver, in the order they first ran, the figures over all runs
 * @param perRun   per run (in the given order), per driver, the figures of that run alone
 * @param answer   per gateway and target: met or not, by how much
 * @param spansDays whether the runs started on different days (a trend is then shown)
 */
public record Study(String title, List<StudyRun> runs, List<GatewayRepetitions> gateways,
                    List<Map<String, GatewayRepetitions>> perRun, List<Target> answer, boolean spansDays) {

    /**
     * The target a study without assertions is answered against: the study behind this project
     * asked that a new route be live within 5 s (activation p99).
     */
    public static final Duration DEFAULT_ACTIVATION_P99 = Duration.ofSeconds(5);

    /** The study of {@code runs}, titled {@code title}. */
    public static Study of(String title, List<StudyRun> runs) {
        Map<String, List<RepetitionFigures>> pooled = new LinkedHashMap<>();
        List<Map<String, GatewayRepetitions>> perRun = new ArrayList<>();
        for (StudyRun run : runs) {
            Map<String, GatewayRepetitions> own = new LinkedHashMap<>();
            run.byGateway().forEach((gateway, reps) -> {
                pooled.computeIfAbsent(gateway, g -> new ArrayList<>()).addAll(reps);
                own.put(gateway, GatewayRepetitions.of(gateway, reps));
            });
            perRun.add(own);
        }
        List<GatewayRepetitions> gateways = pooled.entrySet().stream()
                .map(e -> GatewayRepetitions.of(e.getKey(), e.getValue())).toList();
        return new Study(title, List.copyOf(runs), gateways, perRun, answer(runs, gateways), spansDays(runs));
    }

    /**
     * Why these runs cannot be compared (different scenarios or route counts), naming the runs and
     * the difference; empty when they can.
     */
    public static Optional<String> difference(List<StudyRun> runs) {
        StudyRun first = runs.get(0);
        for (StudyRun other : runs.subList(1, runs.size())) {
            if (!String.valueOf(first.summary().scenario()).equals(String.valueOf(other.summary().scenario()))) {
                return Optional.of("the runs are of different scenarios: " + first.dir() + " ran '"
                        + first.summary().scenario() + "', " + other.dir() + " ran '" + other.summary().scenario()
                        + "'");
            }
            if (first.plannedWrites() != other.plannedWrites()) {
                return Optional.of("the runs have different route counts: " + first.dir() + " planned "
                        + first.plannedWrites() + " route writes per gateway, " + other.dir() + " planned "
                        + other.plannedWrites());
            }
        }
        return Optional.empty();
    }

    /** The table of the gateways' figures over all runs, with what the intervals can show. */
    public SpreadTable spread() {
        return SpreadTable.of(gateways, "these runs");
    }

    /** Every assertion result of every run. */
    public List<StudyAssertion> assertions() {
        return runs.stream().flatMap(r -> r.assertions().stream()).toList();
    }

    /** The results of {@code target}'s gateway and target in {@code run}: one per repetition. */
    public static List<StudyAssertion> results(StudyRun run, Target target) {
        return run.assertions().stream()
                .filter(a -> a.driver().equals(target.gateway()) && a.target().equals(target.target())).toList();
    }

    /** Whether the answer comes from the runs' assertions (else from the default activation target). */
    public boolean answeredByAssertions() {
        return !assertions().isEmpty();
    }

    private static List<Target> answer(List<StudyRun> runs, List<GatewayRepetitions> gateways) {
        Map<String, Map<String, List<StudyAssertion>>> byGateway = new LinkedHashMap<>();
        for (StudyRun run : runs) {
            for (StudyAssertion a : run.assertions()) {
                byGateway.computeIfAbsent(a.driver(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(a.target(), t -> new ArrayList<>()).add(a);
            }
        }
        List<Target> answer = new ArrayList<>();
        if (!byGateway.isEmpty()) {
            byGateway.forEach((gateway, targets) -> targets.forEach((target, results) ->
                    answer.add(Target.of(gateway, target, results))));
            return answer;
        }
        long bound = DEFAULT_ACTIVATION_P99.toNanos();
        for (GatewayRepetitions g : gateways) {
            Optional<FigureSpread> p99 = g.figure(RepeatedFigure.ACTIVATION_P99);
            if (p99.isEmpty()) {
                continue;
            }
            List<Double> values = p99.get().values();
            int passed = (int) values.stream().filter(v -> v <= bound).count();
            double worst = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            answer.add(new Target(g.gateway(), "activation p99 <= 5s", passed == values.size(), passed,
                    values.size(), RepeatedFigure.ACTIVATION_P99.format(worst) + " ms",
                    Target.margin("<= 5s", worst, "ns")));
        }
        return answer;
    }

    private static boolean spansDays(List<StudyRun> runs) {
        return runs.stream().map(r -> started(r).map(i -> i.toString().substring(0, 10)).orElse(null))
                .filter(d -> d != null).distinct().count() > 1;
    }

    /** When {@code run} started, when its summary says. */
    public static Optional<Instant> started(StudyRun run) {
        try {
            return Optional.ofNullable(run.summary().startedAt()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
