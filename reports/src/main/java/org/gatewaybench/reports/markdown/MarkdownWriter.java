package org.gatewaybench.reports.markdown;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.AtomicFiles;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.AnalysisFailedException;
import org.gatewaybench.reports.analysis.AnalysisFailure;
import org.gatewaybench.reports.analysis.ConfigApplyFigures;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayMetrics;
import org.gatewaybench.reports.analysis.GatewayRouteWrites;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.PhaseActivation;
import org.gatewaybench.reports.analysis.ReportNote;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunFacts;
import org.gatewaybench.reports.analysis.RunVersions;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.SpreadTable;

/**
 * Writes summary.md: the comparison of a run as Markdown tables, for pull requests and chat. Each
 * part is rendered on its own, so one whose analysis failed leaves the others.
 */
public final class MarkdownWriter {

    public static final String FILE_NAME = "summary.md";

    private MarkdownWriter() {
    }

    public static Path write(RunAnalysis analysis, Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        AtomicFiles.writeString(file, render(analysis));
        return file;
    }

    /** One part of summary.md, rendered on its own: one that throws is replaced by a line naming it and why. */
    private record Part(String title, BiConsumer<StringBuilder, RunAnalysis> render) {
    }

    private static final List<Part> PARTS = List.of(new Part("Run", MarkdownWriter::run),
            new Part("Analyses that failed", MarkdownWriter::failures),
            new Part("Assertions", MarkdownWriter::assertions),
            new Part("Comparison", MarkdownWriter::comparison), new Part("Tenant isolation", IsolationMarkdown::append),
            new Part("Repetitions and confidence", MarkdownWriter::confidence),
            new Part("Phases", MarkdownWriter::phases),
            new Part("Long connections", LongConnectionMarkdown::append),
            new Part("Traffic to stable routes", MarkdownWriter::traffic),
            new Part("Gateway metrics", MarkdownWriter::metrics), new Part("Faults and recovery", MarkdownWriter::faults),
            new Part("Route writes", MarkdownWriter::routeWrites), new Part("Diagnostics", MarkdownWriter::diagnostics),
            new Part("Notes", MarkdownWriter::notes));

    public static String render(RunAnalysis analysis) {
        StringBuilder md = new StringBuilder();
        for (Part part : PARTS) {
            StringBuilder text = new StringBuilder();
            try {
                part.render().accept(text, analysis);
                md.append(text);
            } catch (AnalysisFailedException e) {
                notShown(md, part, e.failure().describe());
            } catch (RuntimeException e) {
                notShown(md, part, "rendering it failed: " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }
        return md.toString();
    }

    private static void notShown(StringBuilder md, Part part, String why) {
        md.append("\n## ").append(text(part.title())).append("\n\nNot shown: ").append(text(why)).append(".\n");
    }

    private static void run(StringBuilder md, RunAnalysis analysis) {
        RunFacts f = analysis.facts();
        md.append("# gateway-bench run ").append(text(f.runId())).append("\n\n");
        md.append("Scenario **").append(text(f.scenario())).append("** on fixture **").append(text(f.fixture()))
                .append("**, host ").append(text(f.host())).append(" (").append(f.cores()).append(" cores). ")
                .append("Outcome: **").append(text(analysis.outcome().status().word())).append("**");
        if (analysis.outcome().reason() != null) {
            md.append(" (").append(text(analysis.outcome().reason())).append(")");
        }
        md.append(". A route is active after ").append(f.requiredSuccesses())
                .append(" correct answers in a row; latencies are from the API's ack (t0), in ms. First answer: ")
                .append("t0 to the first correct answer alone (gateway-api-bench's rule), from the same polls.\n");
        RunVersions versions = RunAnalysis.orNull(analysis::versions);
        if (versions != null && versions.runSummary() != null) {
            md.append("\nVersions: ").append(text(versions.runSummary()));
            for (String gateway : f.gateways()) {
                String line = versions.summary(gateway);
                md.append(line == null ? "" : "; " + text(gateway) + ": " + text(line));
            }
            md.append(".\n");
        }
    }

    private static void failures(StringBuilder md, RunAnalysis analysis) {
        List<AnalysisFailure> failures = analysis.failures();
        if (failures.isEmpty()) {
            return;
        }
        md.append("\n## Analyses that failed\n\nThese have no figures; every other figure was computed as usual.\n\n");
        for (AnalysisFailure f : failures) {
            md.append("- ").append(text(f.analysis().word())).append(": ").append(text(f.message()));
            if (f.line() > 0) {
                md.append(" (journal line ").append(f.line()).append(')');
            }
            md.append('\n');
        }
    }

    private static void assertions(StringBuilder md, RunAnalysis analysis) {
        List<AssertionResult> results = analysis.assertions().stream().map(AssertionResult::of).toList();
        if (results.isEmpty()) {
            return;
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        md.append("\n## Assertions\n\n").append(failed == 0 ? "Every bound was met." : "**" + failed + " of "
                + results.size() + " failed.**").append(" Judged at the end of each gateway's run.\n\n");
        row(md, "gateway", "figure", "bound", "measured", "result", "detail");
        separator(md, 6);
        for (AssertionResult r : results) {
            row(md, text(r.gateway()), text(r.figure()), text(r.bound()), text(r.measuredText()),
                    r.passed() ? "passed" : "**FAILED**", r.detail() == null ? "" : text(r.detail()));
        }
    }

    private static void comparison(StringBuilder md, RunAnalysis analysis) {
        md.append("\n## Comparison\n\n");
        row(md, "gateway", "activated", "p50 ms", "p90 ms", "p99 ms", "max ms", "first answer p50 ms",
                "first answer p99 ms", "never activated", "error polls", "config applies", "apply p50 ms",
                "churn lag p99 ms");
        separator(md, 13);
        for (String gateway : analysis.gateways()) {
            ActivationFigures a = analysis.activation().get(gateway).overall();
            ConfigApplyFigures c = analysis.configApplies().get(gateway).figures();
            row(md, text(gateway), String.valueOf(a.activation().count()), p50(a.activation()), p90(a.activation()),
                    p99(a.activation()), max(a.activation()), p50(a.firstAnswer()), p99(a.firstAnswer()),
                    String.valueOf(a.neverActivated()),
                    String.valueOf(a.errorPolls()), String.valueOf(c.applies()), p50(c.duration()),
                    p99(a.churnLag()));
        }
    }

    private static void confidence(StringBuilder md, RunAnalysis analysis) {
        List<GatewayRepetitions> gateways = List.copyOf(analysis.repetitions().values());
        if (gateways.isEmpty()) {
            return;
        }
        int most = gateways.stream().mapToInt(g -> g.repetitions().size()).max().orElse(1);
        md.append("\n## Repetitions and confidence\n\n").append(most > 1
                ? "Each gateway ran " + most + " times, interleaved. Median over the repetitions [95% interval]; "
                        + "percentiles resampled over routes and repetitions.\n\n"
                : "Each gateway ran once: the intervals show how percentiles vary over this run's routes, not from "
                        + "run to run. Median [95% interval].\n\n");
        spreadTable(md, SpreadTable.of(gateways, "this run"));
    }

    /** A spread table as Markdown: a column per gateway, a row per figure, the verdict last. */
    public static void spreadTable(StringBuilder md, SpreadTable spread) {
        List<String> head = new ArrayList<>();
        head.add("figure");
        spread.gateways().forEach(g -> head.add(text(g)));
        head.add("what the intervals show");
        row(md, head.toArray(String[]::new));
        separator(md, head.size());
        for (SpreadTable.Row r : spread.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.figure().label() + (r.figure().unit().isEmpty() ? "" : " " + r.figure().unit()));
            r.cells().forEach(c -> cells.add(c.map(s -> SpreadTable.median(s) + " [" + SpreadTable.interval(s) + "]")
                    .orElse(FigureFormat.NONE)));
            cells.add(r.verdict() == null ? FigureFormat.NONE : text(r.verdict()));
            row(md, cells.toArray(String[]::new));
        }
    }

    private static void phases(StringBuilder md, RunAnalysis analysis) {
        md.append("\n## Phases\n\n");
        row(md, "gateway", "phase", "kind", "writes", "activated", "p50 ms", "p99 ms", "max ms", "never activated",
                "deactivated", "deactivation p50 ms", "error polls", "failed writes", "superseded", "unresolved");
        separator(md, 15);
        for (String gateway : analysis.gateways()) {
            for (PhaseActivation p : analysis.activation().get(gateway).phases()) {
                ActivationFigures a = p.figures();
                row(md, text(gateway), text(p.span().phase()), text(p.span().kind().word()), String.valueOf(a.ops()),
                        String.valueOf(a.activation().count()), p50(a.activation()), p99(a.activation()),
                        max(a.activation()), String.valueOf(a.neverActivated()),
                        String.valueOf(a.deactivation().count()), p50(a.deactivation()),
                        String.valueOf(a.errorPolls()), String.valueOf(a.failedOps()),
                        String.valueOf(a.superseded()), String.valueOf(a.unresolved()));
            }
        }
    }

    private static void notes(StringBuilder md, RunAnalysis analysis) {
        List<ReportNote> notes = analysis.notes();
        md.append("\n## Notes\n\n");
        if (notes.isEmpty()) {
            md.append("None.\n");
        }
        for (ReportNote n : notes) {
            md.append("- ").append(text(n.level().word()));
            if (n.gateway() != null) {
                md.append(" ").append(text(n.gateway()));
            }
            md.append(": ").append(text(n.message())).append('\n');
        }
    }

    private static void traffic(StringBuilder md, RunAnalysis analysis) {
        if (analysis.traffic().values().stream().noneMatch(GatewayTraffic::any)) {
            return;
        }
        md.append("\n## Traffic to stable routes\n\n");
        row(md, "gateway", "tool", "requests", "failed", "p50 ms", "p75 ms", "p99 ms", "max ms");
        separator(md, 8);
        for (String gateway : analysis.gateways()) {
            GatewayTraffic t = analysis.traffic().get(gateway);
            if (t.summary() != null) {
                var s = t.summary();
                row(md, text(gateway), "Gatling " + FigureFormat.significant(s.ratePerSecond()) + "/s",
                        String.valueOf(s.requests()), String.valueOf(s.ko()), String.valueOf(s.p50Ms()),
                        String.valueOf(s.p75Ms()), String.valueOf(s.p99Ms()), String.valueOf(s.maxMs()));
            }
            if (t.wrk() != null) {
                var w = t.wrk();
                row(md, text(gateway), "wrk -c" + w.connections(), String.valueOf(w.requests()),
                        String.valueOf(w.errors()), FigureFormat.millis(w.p50Nanos()), FigureFormat.millis(w.p75Nanos()),
                        FigureFormat.millis(w.p99Nanos()), FigureFormat.millis(w.maxNanos()));
            }
        }
    }

    private static void routeWrites(StringBuilder md, RunAnalysis analysis) {
        md.append("\n## Route writes\n\nSent to acknowledged by the route API; refusals by class (admission-denied "
                + "and admission-unavailable are the gateway's webhook).\n\n");
        row(md, "gateway", "acknowledged", "p50 ms", "p99 ms", "max ms", "refused", "by the gateway");
        separator(md, 7);
        for (String gateway : analysis.gateways()) {
            GatewayRouteWrites w = analysis.routeWrites().get(gateway);
            LatencyStats l = w.latency();
            row(md, text(gateway), String.valueOf(w.acknowledged()), l.isEmpty() ? FigureFormat.NONE
                    : FigureFormat.millis(l.p50Nanos()), l.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(l.p99Nanos()),
                    l.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(l.maxNanos()),
                    String.valueOf(w.refusedInAll()), String.valueOf(w.refusedByTheGateway()));
        }
    }

    private static void diagnostics(StringBuilder md, RunAnalysis analysis) {
        if (analysis.diagnostics().isEmpty()) {
            return;
        }
        md.append("\n## Diagnostics\n\nCollected when something failed, before the teardown.\n\n");
        for (Events.DiagnosticsCollected d : analysis.diagnostics()) {
            md.append("- `").append(d.folder()).append("`").append(d.gateway() == null ? "" : " (" + text(d.gateway())
                    + ")").append(": ").append(text(d.reason())).append(" (").append(d.files().size())
                    .append(" files)\n");
        }
    }

    private static void metrics(StringBuilder md, RunAnalysis analysis) {
        if (analysis.metrics().values().stream().noneMatch(GatewayMetrics::any)) {
            return;
        }
        md.append("\n## Gateway metrics\n\n")
                .append("The gateways' own Prometheus metrics over the run. A counter's change is its increase ")
                .append("(a drop counts as a restart from 0): reloads, xDS pushes, sync errors; a gauge's is last ")
                .append("minus first.\n\n");
        row(md, "gateway", "metric", "kind", "samples", "first", "last", "change", "min", "max", "resets");
        separator(md, 10);
        for (String gateway : analysis.gateways()) {
            for (GatewayMetrics.Series s : analysis.metrics().get(gateway).series()) {
                boolean counter = s.kind() == GatewayMetrics.Kind.COUNTER;
                row(md, text(gateway), "`" + code(s.id()) + "`", counter ? "counter" : "gauge",
                        String.valueOf(s.samples()), FigureFormat.value(s.first()), FigureFormat.value(s.last()),
                        FigureFormat.change(s.change()), FigureFormat.value(s.min()), FigureFormat.value(s.max()),
                        counter ? String.valueOf(s.resets()) : FigureFormat.NONE);
            }
        }
    }

    /** Text for a code span in a table cell: no line breaks, backticks or pipes that would end it. */
    private static String code(String s) {
        return s.replaceAll("[\\r\\n\\t]", " ").replace('`', '\'').replace("|", "\\|");
    }

    private static void faults(StringBuilder md, RunAnalysis analysis) {
        if (analysis.faults().values().stream().allMatch(f -> f.faults().isEmpty())) {
            return;
        }
        md.append("\n## Faults and recovery\n\n");
        row(md, "gateway", "fault", "start s", "heal s", "outage s", "traffic recovered after s",
                "routes activate again after s", "traffic errors during / after", "error polls during / after");
        separator(md, 9);
        for (String gateway : analysis.gateways()) {
            for (FaultRecovery f : analysis.faults().get(gateway).faults()) {
                row(md, text(gateway), "#" + f.fault() + " " + text(f.describe()), FigureFormat.seconds(f.startSeconds()),
                        f.healed() ? FigureFormat.seconds(f.healSeconds()) : "never", FigureFormat.seconds(f.outageSeconds()),
                        secs(f.trafficRecoverySeconds()), secs(f.activationRecoverySeconds()),
                        f.trafficErrorsDuring() + " / " + f.trafficErrorsAfter(),
                        f.errorPollsDuring() + " / " + f.errorPollsAfter());
            }
        }
    }

    private static String secs(double s) {
        return Double.isNaN(s) ? FigureFormat.NONE : FigureFormat.seconds(s);
    }

    static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static void separator(StringBuilder md, int columns) {
        md.append('|').append("---|".repeat(columns)).append('\n');
    }

    private static String p50(LatencyStats s) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(s.p50Nanos());
    }

    private static String p90(LatencyStats s) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(s.p90Nanos());
    }

    private static String p99(LatencyStats s) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(s.p99Nanos());
    }

    private static String max(LatencyStats s) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(s.maxNanos());
    }

    /** Journal text made inert: it cannot break a table row or smuggle markup or HTML. */
    static String text(String s) {
        if (s == null) {
            return "?";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\r', '\n', '\t' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
