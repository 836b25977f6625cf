package org.gatewaybench.reports.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.gatewaybench.reports.study.Study;
import org.gatewaybench.reports.study.StudyRun;
import org.gatewaybench.reports.study.Target;

/** A study's summary.md: the answer first, then the figures over all runs and each run's own. */
public final class StudyMarkdown {

    private StudyMarkdown() {
    }

    public static String render(Study study) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownWriter.text(study.title())).append("\n\n").append(study.runs().size())
                .append(" runs of scenario ").append(MarkdownWriter.text(String.valueOf(study.runs().get(0).summary()
                        .scenario()))).append(".\n\n## The answer\n\n").append(answerLead(study)).append("\n\n");
        MarkdownWriter.row(md, "gateway", "target", "met", "repetitions that met it", "measured (worst run)", "by how much");
        MarkdownWriter.separator(md, 6);
        for (Target t : study.answer()) {
            MarkdownWriter.row(md, MarkdownWriter.text(t.gateway()), MarkdownWriter.text(t.target()),
                    t.met() ? "yes" : "**no**", t.passedRuns() + " of " + t.runs(), t.measured(),
                    t.margin() == null ? FigureFormat.NONE : t.margin());
        }
        md.append("\n## All runs together\n\nMedian over every repetition of every run [95% interval].\n\n");
        MarkdownWriter.spreadTable(md, study.spread());
        perRun(md, study);
        assertionMatrix(md, study);
        return md.toString();
    }

    /** What the answer is judged against. */
    public static String answerLead(Study study) {
        return study.answeredByAssertions()
                ? "Each target is an assertion of the runs' scenario; met means it held in every run, and by how "
                        + "much is the worst run's distance to the bound."
                : "The runs carry no assertions: the gateways are judged against the study's target, a new route "
                        + "live within 5 s (activation p99), in every run; by how much is the worst run's distance "
                        + "to the bound.";
    }

    private static void perRun(StringBuilder md, Study study) {
        md.append("\n## Each run\n\n");
        List<RepeatedFigure> figures = List.of(RepeatedFigure.ACTIVATION_P50, RepeatedFigure.ACTIVATION_P99,
                RepeatedFigure.ACTIVATION_MAX, RepeatedFigure.NEVER_ACTIVATED, RepeatedFigure.ERROR_POLLS,
                RepeatedFigure.LONG_CONNECTION_DROPS);
        List<String> head = new ArrayList<>(List.of("run", "started", "gateway", "repetitions"));
        figures.forEach(f -> head.add(f.label() + (f.unit().isEmpty() ? "" : " " + f.unit())));
        MarkdownWriter.row(md, head.toArray(String[]::new));
        MarkdownWriter.separator(md, head.size());
        for (int r = 0; r < study.runs().size(); r++) {
            StudyRun run = study.runs().get(r);
            for (Map.Entry<String, GatewayRepetitions> e : study.perRun().get(r).entrySet()) {
                List<String> cells = new ArrayList<>(List.of(MarkdownWriter.text(run.name()),
                        String.valueOf(run.summary().startedAt()), MarkdownWriter.text(e.getKey()),
                        String.valueOf(e.getValue().repetitions().size())));
                figures.forEach(f -> cells.add(e.getValue().figure(f).map(s -> f.format(s.interval().median()))
                        .orElse(FigureFormat.NONE)));
                MarkdownWriter.row(md, cells.toArray(String[]::new));
            }
        }
    }

    private static void assertionMatrix(StringBuilder md, Study study) {
        if (!study.answeredByAssertions()) {
            return;
        }
        md.append("\n## Assertions, run by run\n\n");
        List<String> head = new ArrayList<>(List.of("gateway", "target"));
        study.runs().forEach(r -> head.add(MarkdownWriter.text(r.name())));
        MarkdownWriter.row(md, head.toArray(String[]::new));
        MarkdownWriter.separator(md, head.size());
        for (Target t : study.answer()) {
            List<String> cells = new ArrayList<>(List.of(MarkdownWriter.text(t.gateway()),
                    MarkdownWriter.text(t.target())));
            for (StudyRun run : study.runs()) {
                List<String> results = Study.results(run, t).stream()
                        .map(a -> (a.passed() ? "pass " : "**fail** ") + a.measuredText()).toList();
                cells.add(results.isEmpty() ? FigureFormat.NONE : String.join("; ", results));
            }
            MarkdownWriter.row(md, cells.toArray(String[]::new));
        }
    }
}
