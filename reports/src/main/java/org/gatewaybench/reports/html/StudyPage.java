package org.gatewaybench.reports.html;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.Observation;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.gatewaybench.reports.confidence.RepetitionFigures;
import org.gatewaybench.reports.markdown.StudyMarkdown;
import org.gatewaybench.reports.study.Study;
import org.gatewaybench.reports.study.StudyAssertion;
import org.gatewaybench.reports.study.StudyRun;
import org.gatewaybench.reports.study.Target;

/**
 * A study's page, the one a platform team puts in front of a decision: the answer first (which
 * gateway met which target, by how much), then the evidence: activation CDFs side by side, the
 * figures over all runs with what their intervals can show, each run's figures, the assertion
 * matrix and, when the runs span days, a trend per gateway and figure.
 */
public final class StudyPage {

    private static final List<RepeatedFigure> RUN_FIGURES = List.of(RepeatedFigure.ACTIVATION_P50,
            RepeatedFigure.ACTIVATION_P99, RepeatedFigure.ACTIVATION_MAX, RepeatedFigure.NEVER_ACTIVATED,
            RepeatedFigure.ERROR_POLLS, RepeatedFigure.LONG_CONNECTION_DROPS);
    private static final List<RepeatedFigure> TREND_FIGURES = List.of(RepeatedFigure.ACTIVATION_P50,
            RepeatedFigure.ACTIVATION_P99);

    private StudyPage() {
    }

    public static String render(Study study) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(study.title())).append("</title>\n<style>").append(HtmlReportWriter.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(h, study);
        answer(h, study);
        cdf(h, study);
        Markup.open(h, null, "All runs together", "Median over every repetition of every run and its 95% "
                + "confidence interval (bootstrap over the repetitions and, for percentiles, over each one's routes). "
                + "Latencies in ms.");
        h.append(ConfidenceSection.table(study.spread())).append("</section>\n");
        perRun(h, study);
        assertionMatrix(h, study);
        if (study.spansDays()) {
            trend(h, study);
        }
        h.append("<footer>gateway-bench study of ").append(study.runs().size()).append(" runs</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Study study) {
        StudyRun first = study.runs().get(0);
        h.append("<header><div class=\"title\"><h1>").append(Html.escape(study.title())).append("</h1></div>")
                .append("<dl class=\"facts\">");
        fact(h, "scenario", String.valueOf(first.summary().scenario()));
        fact(h, "runs", String.valueOf(study.runs().size()));
        fact(h, "gateways", String.join(", ", study.gateways().stream().map(GatewayRepetitions::gateway).toList()));
        List<Instant> starts = study.runs().stream().map(Study::started).flatMap(Optional::stream).sorted().toList();
        if (!starts.isEmpty()) {
            fact(h, "from", starts.get(0).toString());
            fact(h, "to", starts.get(starts.size() - 1).toString());
        }
        h.append("</dl></header>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value))
                .append("</dd></div>");
    }

    private static void answer(StringBuilder h, Study study) {
        Markup.open(h, "answer", "The answer", Html.escape(StudyMarkdown.answerLead(study)));
        Table t = new Table("gateway", "target", "met", "repetitions that met it", "measured (worst run)", "by how much");
        List<String> gateways = gatewayNames(study);
        for (Target target : study.answer()) {
            t.row(Markup.gatewayCell(gateways.indexOf(target.gateway()), target.gateway()),
                    Html.escape(target.target()), target.met() ? "<b class=\"good\">yes</b>" : "<b class=\"bad\">no</b>",
                    target.passedRuns() + " of " + target.runs(), Html.escape(target.measured()),
                    target.margin() == null ? FigureFormat.NONE : Html.escape(target.margin()));
        }
        h.append(t.html());
        study.spread().rows().stream().filter(r -> r.figure() == RepeatedFigure.ACTIVATION_P99 && r.verdict() != null)
                .findFirst().ifPresent(r -> h.append("<p class=\"lead\">Activation p99 over these runs: ")
                        .append(Html.escape(r.verdict())).append(".</p>"));
        h.append("</section>\n");
    }

    private static void cdf(StringBuilder h, Study study) {
        Markup.open(h, null, "Activation latency distribution", "Share of created and updated routes active "
                + "within a given time of the API's acknowledgement, every run of a gateway pooled (from the runs' "
                + ".hlog files). Further left is faster.");
        List<String> gateways = gatewayNames(study);
        List<long[]> sorted = new ArrayList<>();
        for (String gateway : gateways) {
            Histogram pooled = LatencyStats.newHistogram();
            for (StudyRun run : study.runs()) {
                for (RepetitionFigures r : run.byGateway().getOrDefault(gateway, List.of())) {
                    if (r.activation() != null) {
                        pooled.add(r.activation());
                    }
                }
            }
            sorted.add(Observation.Samples.values(pooled));
        }
        h.append("<figure>").append(Charts.activationCdf(gateways, sorted)).append("</figure></section>\n");
    }

    private static void perRun(StringBuilder h, Study study) {
        Markup.open(h, null, "Each run", "Each run's own figures (the median over its repetitions); "
                + "long-connection drops where the run held long connections. Latencies in ms.");
        List<String> head = new ArrayList<>(List.of("run", "started", "gateway", "repetitions"));
        RUN_FIGURES.forEach(f -> head.add(f.label()));
        Table t = new Table(head.toArray(String[]::new));
        List<String> gateways = gatewayNames(study);
        for (int r = 0; r < study.runs().size(); r++) {
            StudyRun run = study.runs().get(r);
            for (Map.Entry<String, GatewayRepetitions> e : study.perRun().get(r).entrySet()) {
                List<String> cells = new ArrayList<>(List.of(Html.escape(run.name()),
                        Html.escape(String.valueOf(run.summary().startedAt())),
                        Markup.gatewayCell(gateways.indexOf(e.getKey()), e.getKey()),
                        String.valueOf(e.getValue().repetitions().size())));
                RUN_FIGURES.forEach(f -> cells.add(e.getValue().figure(f).map(s -> f.format(s.interval().median()))
                        .orElse(FigureFormat.NONE)));
                t.row(cells.toArray(String[]::new));
            }
        }
        h.append(t.html()).append("</section>\n");
    }

    private static void assertionMatrix(StringBuilder h, Study study) {
        if (!study.answeredByAssertions()) {
            return;
        }
        Markup.open(h, null, "Assertions, run by run", "Each assertion of each gateway in each run: passed or "
                + "failed, with the measured value.");
        List<String> head = new ArrayList<>(List.of("gateway", "target"));
        study.runs().forEach(r -> head.add(r.name()));
        Table t = new Table(head.toArray(String[]::new));
        List<String> gateways = gatewayNames(study);
        for (Target target : study.answer()) {
            List<String> cells = new ArrayList<>(List.of(Markup.gatewayCell(gateways.indexOf(target.gateway()),
                    target.gateway()), Html.escape(target.target())));
            for (StudyRun run : study.runs()) {
                List<String> results = new ArrayList<>();
                for (StudyAssertion a : Study.results(run, target)) {
                    results.add((a.passed() ? "<b class=\"good\">pass</b> " : "<b class=\"bad\">fail</b> ")
                            + Html.escape(a.measuredText()));
                }
                cells.add(results.isEmpty() ? FigureFormat.NONE : String.join("<br>", results));
            }
            t.row(cells.toArray(String[]::new));
        }
        h.append(t.html()).append("</section>\n");
    }

    /** A line per gateway through each run's median, runs placed by their start day. */
    private static void trend(StringBuilder h, Study study) {
        Markup.open(h, null, "Trend", "Each run's median per gateway, by the day the run started.");
        Instant first = study.runs().stream().map(Study::started).flatMap(Optional::stream).min(Instant::compareTo)
                .orElseThrow();
        List<String> gateways = gatewayNames(study);
        for (RepeatedFigure figure : TREND_FIGURES) {
            List<List<double[]>> lines = new ArrayList<>();
            double maxDay = 1;
            double maxValue = 1;
            for (String gateway : gateways) {
                List<double[]> points = new ArrayList<>();
                for (int r = 0; r < study.runs().size(); r++) {
                    Optional<Instant> at = Study.started(study.runs().get(r));
                    GatewayRepetitions g = study.perRun().get(r).get(gateway);
                    if (at.isEmpty() || g == null || g.figure(figure).isEmpty()) {
                        continue;
                    }
                    double day = Duration.between(first, at.get()).toMinutes() / 1440.0;
                    double ms = g.figure(figure).get().interval().median() / 1e6;
                    points.add(new double[] {day, ms});
                    maxDay = Math.max(maxDay, day);
                    maxValue = Math.max(maxValue, ms);
                }
                points.sort((a, b) -> Double.compare(a[0], b[0]));
                lines.add(points);
            }
            int height = 300;
            Plot plot = new Plot(Charts.WIDTH, height, figure.label() + " per run",
                    new LinearScale(0, maxDay, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                    new LinearScale(0, maxValue, height - Plot.BOTTOM, Plot.TOP, ""));
            plot.frame("days since " + first.toString().substring(0, 10), figure.label() + " (ms)");
            List<String> colours = new ArrayList<>();
            for (int g = 0; g < gateways.size(); g++) {
                colours.add(Palette.colour(g));
                List<double[]> px = lines.get(g).stream()
                        .map(p -> new double[] {plot.x.pixel(p[0]), plot.y.pixel(p[1])}).toList();
                if (px.size() > 1) {
                    plot.svg.polyline(px, "cdf", Palette.colour(g));
                }
                for (double[] p : px) {
                    plot.svg.circle(p[0], p[1], 3, "dot", Palette.colour(g), null);
                }
            }
            h.append("<figure>").append(plot.legend(gateways, colours).end()).append("</figure>");
        }
        h.append("</section>\n");
    }

    private static List<String> gatewayNames(Study study) {
        return study.gateways().stream().map(GatewayRepetitions::gateway).toList();
    }
}
