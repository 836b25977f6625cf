package org.gatewaybench.reports.html;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.reports.AtomicFiles;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.ConfigApplyFigures;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayFaults;
import org.gatewaybench.reports.analysis.GatewayResources;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.HarnessLagFigures;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.reports.analysis.PhaseActivation;
import org.gatewaybench.reports.analysis.ReportNote;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunFacts;

/**
 * Writes report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
 * that compares the gateways of a run. All text from the journal is escaped.
 */
public final class HtmlReportWriter {

    public static final String FILE_NAME = "report.html";
    /** Never-activated writes listed per gateway; the count is always complete. */
    static final int MAX_LISTED = 50;

    private HtmlReportWriter() {
    }

    public static Path write(RunAnalysis analysis, Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        AtomicFiles.writeString(file, render(analysis, dir));
        return file;
    }

    public static String render(RunAnalysis analysis) {
        return render(analysis, null);
    }

    /** The page; links to files of the run (Gatling's report) are made relative to {@code runDir} when given. */
    public static String render(RunAnalysis analysis, Path runDir) {
        StringBuilder h = new StringBuilder(64 * 1024);
        RunFacts f = analysis.facts();
        String title = "gateway-bench: " + nonNull(f.scenario()) + " (" + nonNull(f.runId()) + ")";
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(CSS)
                .append(LongConnectionSection.CSS).append(GatewayMetricsSection.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(h, analysis);
        comparison(h, analysis);

        h.append("<section><h2>Activation latency distribution</h2>")
                .append("<p class=\"lead\">Share of created and updated routes active within a given time of "
                        + "the API's acknowledgement. Further left is faster; a long flat tail is the slowest routes.</p>")
                .append("<figure>").append(Charts.activationCdf(analysis.activation(), analysis.gateways()))
                .append("</figure></section>\n");

        h.append("<section><h2>Latency over time</h2><p class=\"lead\">One dot per write, at the moment its "
                + "route API acknowledged it. Config applies of the data plane are ticks in the strip at the top "
                + "(shaded when long enough to see); dashed lines start churn phases; crosses in the lane below "
                + "the strip are writes the probe gave up on.</p>");
        List<String> gateways = analysis.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            h.append("<h3>").append(swatch(g)).append(Html.escape(gateway)).append("</h3><figure>")
                    .append(Charts.latencyOverTime(analysis.activation().get(gateway),
                            analysis.configApplies().get(gateway), analysis.layout().phases(gateway),
                            Palette.colour(g)))
                    .append("</figure>");
            phases(h, analysis.activation().get(gateway));
        }
        h.append("</section>\n");

        h.append("<section><h2>Config applies</h2><p class=\"lead\">How long each data-plane config apply took "
                + "(reload, runtime API update, ...) against the number of routes the config held.</p><figure>")
                .append(Charts.applyDurations(analysis.configApplies(), gateways)).append("</figure>");
        applies(h, analysis);
        h.append("</section>\n");

        LongConnectionSection.append(h, analysis);
        traffic(h, analysis, runDir);
        resources(h, analysis);
        GatewayMetricsSection.append(h, analysis);
        faults(h, analysis);
        failures(h, analysis);
        notes(h, analysis.notes());
        h.append("<footer>Rendered from the run's journal by gateway-bench. Latencies are exact to 3 significant "
                + "digits (HdrHistogram); each figure's resolution is the probe's poll interval, shown as "
                + "\"resolution\". Per-gateway histograms: activation-&lt;gateway&gt;.hlog.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, RunAnalysis a) {
        RunFacts f = a.facts();
        String status = a.outcome().status().word();
        h.append("<header><div class=\"title\"><h1>").append(Html.escape(nonNull(f.scenario())))
                .append("</h1><span class=\"badge ").append(a.outcome().completed() ? "ok" : "bad").append("\">")
                .append(Html.escape(status)).append("</span></div>");
        if (a.outcome().reason() != null) {
            h.append("<p class=\"reason\">").append(Html.escape(a.outcome().reason())).append("</p>");
        }
        h.append("<dl class=\"facts\">");
        fact(h, "run", f.runId());
        fact(h, "fixture", f.fixture());
        fact(h, "host", f.host() == null ? null : f.host() + " (" + f.cores() + " cores)");
        fact(h, "started", f.journalEvents() == 0 ? null : Instant.ofEpochMilli(f.startedWallMillis()).toString());
        fact(h, "duration", FigureFormat.seconds(f.durationSeconds()) + " s");
        fact(h, "gateways", String.join(", ", f.gateways()));
        fact(h, "activation rule", f.requiredSuccesses() + " correct answers in a row");
        fact(h, "journal", f.journalEvents() + " events" + (f.truncatedTail() ? ", cut short" : ""));
        fact(h, "scenario file", f.scenarioFile());
        h.append("</dl></header>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>")
                .append(Html.escape(value == null ? "unknown" : value)).append("</dd></div>");
    }

    private static void comparison(StringBuilder h, RunAnalysis a) {
        h.append("<section><h2>Comparison</h2><p class=\"lead\">Activation latency: from the API's "
                + "acknowledgement of a write (t0) to the first of the correct answers in a row that the data "
                + "plane gave for it. Milliseconds.</p>");
        Table t = new Table("gateway", "writes", "activated", "p50", "p90", "p99", "max", "mean", "never activated",
                "resolution p50", "deactivated", "deactivation p50", "never deactivated");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            ActivationFigures f = a.activation().get(gateways.get(g)).overall();
            LatencyStats s = f.activation();
            t.row(swatch(g) + Html.escape(gateways.get(g)), n(f.ops()), n(s.count()), ms(s, s.p50Nanos()),
                    ms(s, s.p90Nanos()), ms(s, s.p99Nanos()), ms(s, s.maxNanos()), ms(s, s.meanNanos()),
                    bad(f.neverActivated()), ms(f.resolution(), f.resolution().p50Nanos()),
                    n(f.deactivation().count()), ms(f.deactivation(), f.deactivation().p50Nanos()),
                    bad(f.neverDeactivated()));
        }
        h.append(t.html());
        h.append("<h3>Data plane and harness</h3>");
        Table d = new Table("gateway", "error polls", "failed writes", "unresolved", "config applies", "mechanism",
                "apply p50", "apply p99", "failed applies", "routes per apply", "churn lag p99", "harness lag");
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            ActivationFigures f = a.activation().get(gateway).overall();
            ConfigApplyFigures c = a.configApplies().get(gateway).figures();
            HarnessLagFigures l = a.harnessLag().get(gateway);
            d.row(swatch(g) + Html.escape(gateway), bad(f.errorPolls()), bad(f.failedOps()), bad(f.unresolved()),
                    n(c.applies()), Html.escape(String.join(", ", c.mechanisms())), ms(c.duration(), c.duration().p50Nanos()),
                    ms(c.duration(), c.duration().p99Nanos()), bad(c.failed()), FigureFormat.significant(c.meanChanges()),
                    ms(f.churnLag(), f.churnLag().p99Nanos()),
                    l.reports() == 0 ? "none" : "<span class=\"bad\">" + l.reports() + "× up to "
                            + FigureFormat.millis(l.maxLagNanos()) + "</span>");
        }
        h.append(d.html()).append("<p class=\"hint\">Durations in ms. Errors are 5xx, resets, timeouts and "
                + "wrong-backend answers. Churn lag: how late writes left against the schedule.</p></section>\n");
    }

    private static void phases(StringBuilder h, GatewayActivation activation) {
        if (activation.phases().isEmpty()) {
            return;
        }
        Table t = new Table("phase", "kind", "seconds", "writes", "activated", "p50", "p90", "p99", "max",
                "never activated", "deactivated", "deactivation p50", "error polls", "failed writes", "superseded",
                "unresolved");
        for (PhaseActivation p : activation.phases()) {
            ActivationFigures f = p.figures();
            LatencyStats s = f.activation();
            t.row(Html.escape(p.span().phase()), Html.escape(p.span().kind().word()), FigureFormat.seconds(p.span().startSeconds())
                    + "–" + (p.span().ended() ? FigureFormat.seconds(p.span().endSeconds()) : "open"), n(f.ops()), n(s.count()),
                    ms(s, s.p50Nanos()), ms(s, s.p90Nanos()), ms(s, s.p99Nanos()), ms(s, s.maxNanos()),
                    bad(f.neverActivated()), n(f.deactivation().count()),
                    ms(f.deactivation(), f.deactivation().p50Nanos()), bad(f.errorPolls()), bad(f.failedOps()),
                    n(f.superseded()), bad(f.unresolved()));
        }
        h.append(t.html()).append("<p class=\"hint\">Superseded: a later write to the same route was "
                + "acknowledged before this one showed in the data plane; the probe judges the newest.</p>");
    }

    private static void applies(StringBuilder h, RunAnalysis a) {
        Table t = new Table("gateway", "mechanism", "applies", "p50", "p90", "p99", "max", "failed", "unfinished",
                "routes per apply", "most routes");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            ConfigApplyFigures c = a.configApplies().get(gateways.get(g)).figures();
            LatencyStats s = c.duration();
            t.row(swatch(g) + Html.escape(gateways.get(g)), Html.escape(String.join(", ", c.mechanisms())),
                    n(c.applies()), ms(s, s.p50Nanos()), ms(s, s.p90Nanos()), ms(s, s.p99Nanos()), ms(s, s.maxNanos()),
                    bad(c.failed()), bad(c.unfinished()), FigureFormat.significant(c.meanChanges()), n(c.maxRoutes()));
        }
        h.append(t.html());
    }

    private static void traffic(StringBuilder h, RunAnalysis a, Path runDir) {
        if (a.traffic().values().stream().noneMatch(GatewayTraffic::any)) {
            return;
        }
        h.append("<section><h2>Traffic to stable routes</h2><p class=\"lead\">Steady open-model traffic (Gatling) to "
                + "routes the churn never touches, over keep-alive connections. Every answer must be a 200 from the "
                + "route's backend; anything else is a failed request. Latencies in ms as Gatling measures them "
                + "(whole milliseconds).</p>");
        Table t = new Table("gateway", "rate /s", "requests", "ok", "failed", "p50", "p75", "p95", "p99", "max",
                "mean", "by status", "Gatling report");
        Table w = new Table("gateway", "wrk route", "connections", "seconds", "requests", "req/s", "p50", "p75",
                "p90", "p99", "max", "errors");
        boolean anyWrk = false;
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayTraffic tr = a.traffic().get(gateways.get(g));
            var s = tr.summary();
            if (s != null) {
                t.row(swatch(g) + Html.escape(gateways.get(g)), FigureFormat.significant(s.ratePerSecond()), n(s.requests()),
                        n(s.ok()), bad(s.ko()), n(s.p50Ms()), n(s.p75Ms()), n(s.p95Ms()), n(s.p99Ms()), n(s.maxMs()),
                        FigureFormat.significant(s.meanMs()), Html.escape(String.valueOf(tr.byStatus())),
                        reportLink(s.report(), runDir));
            }
            var wrk = tr.wrk();
            if (wrk != null) {
                anyWrk = true;
                w.row(swatch(g) + Html.escape(gateways.get(g)), Html.escape(wrk.host() + wrk.path()),
                        n(wrk.connections()), FigureFormat.seconds(wrk.durationNanos() / 1e9), n(wrk.requests()),
                        FigureFormat.significant(wrk.requestsPerSecond()), FigureFormat.millis(wrk.p50Nanos()),
                        FigureFormat.millis(wrk.p75Nanos()), FigureFormat.millis(wrk.p90Nanos()), FigureFormat.millis(wrk.p99Nanos()),
                        FigureFormat.millis(wrk.maxNanos()), bad(wrk.errors()));
            }
        }
        h.append(t.html());
        if (anyWrk) {
            h.append("<h3>wrk, as a second opinion</h3><p class=\"hint\">wrk is a closed model: each connection sends "
                    + "its next request as soon as the answer came, after the Gatling traffic ended. Its latencies "
                    + "are to the microsecond.</p>").append(w.html());
        }
        for (int g = 0; g < gateways.size(); g++) {
            GatewayTraffic tr = a.traffic().get(gateways.get(g));
            if (!tr.windows().isEmpty()) {
                h.append("<h3>").append(swatch(g)).append(Html.escape(gateways.get(g))).append("</h3><figure>")
                        .append(ChaosCharts.trafficOverTime(tr, a.faults().get(gateways.get(g))))
                        .append("</figure>");
            }
        }
        h.append("</section>\n");
    }

    private static String reportLink(String report, Path runDir) {
        if (report == null || report.isBlank()) {
            return FigureFormat.NONE;
        }
        String href = report;
        if (runDir != null) {
            Path target = Path.of(report);
            Path base = runDir.toAbsolutePath().normalize();
            if (target.isAbsolute() && target.normalize().startsWith(base)) {
                href = base.relativize(target.normalize()).toString();
            }
        }
        String link = href.endsWith("/") ? href + "index.html" : href + "/index.html";
        return "<a href=\"" + Html.escape(link) + "\">index.html</a>";
    }

    private static void resources(StringBuilder h, RunAnalysis a) {
        if (a.resources().values().stream().allMatch(r -> r.components().isEmpty())) {
            return;
        }
        h.append("<section><h2>Resources</h2><p class=\"lead\">CPU and resident memory of each gateway component, "
                + "all its processes together (an nginx master, its workers and old workers still draining after "
                + "reloads). CPU in % of one core.</p>");
        Table t = new Table("gateway", "component", "samples", "peak RSS MiB", "peak CPU %", "peak processes",
                "peak workers", "peak draining workers");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            for (GatewayResources.Component c : a.resources().get(gateways.get(g)).components().values()) {
                t.row(swatch(g) + Html.escape(gateways.get(g)), Html.escape(c.name()), n(c.samples().size()),
                        FigureFormat.significant(c.peakRssBytes() / 1048576.0), FigureFormat.significant(c.peakCpuPercent()),
                        n(c.peakProcesses()), n(c.peakWorkers()), n(c.peakDrainingWorkers()));
            }
        }
        h.append(t.html());
        for (int g = 0; g < gateways.size(); g++) {
            GatewayResources r = a.resources().get(gateways.get(g));
            if (!r.components().isEmpty()) {
                h.append("<h3>").append(swatch(g)).append(Html.escape(gateways.get(g))).append("</h3><figure>")
                        .append(ChaosCharts.resources(r, a.faults().get(gateways.get(g)))).append("</figure>");
            }
        }
        h.append("</section>\n");
    }

    private static void faults(StringBuilder h, RunAnalysis a) {
        if (a.faults().values().stream().allMatch(f -> f.faults().isEmpty())) {
            return;
        }
        h.append("<section><h2>Faults and recovery</h2><p class=\"lead\">Each injected fault from its start to its "
                + "heal (shaded), with the errors around it: failed traffic requests, error answers to the "
                + "activation probe, long-connection drops, and the activation latency of every write. Recovery is "
                + "timed from the heal: until traffic errors stopped (resolution: one 1 s traffic window), until "
                + "the first write pending at the heal was activated, until the last drop.</p>");
        Table t = new Table("gateway", "fault", "start s", "heal s", "outage s", "traffic recovered after s",
                "routes activate again after s", "drops stop after s", "traffic errors before / during / after",
                "error polls before / during / after", "drops during / after", "activation p50 before ms",
                "p50 during ms", "max during ms", "writes during");
        List<String> gateways = a.gateways();
        for (int g = 0; g < gateways.size(); g++) {
            for (FaultRecovery f : a.faults().get(gateways.get(g)).faults()) {
                t.row(swatch(g) + Html.escape(gateways.get(g)), "#" + f.fault() + " " + Html.escape(f.describe())
                                + (f.healed() && !f.healOk() ? " <span class=\"bad\">heal failed</span>" : ""),
                        FigureFormat.seconds(f.startSeconds()), f.healed() ? FigureFormat.seconds(f.healSeconds())
                                : "<span class=\"bad\">never</span>", FigureFormat.seconds(f.outageSeconds()),
                        secs(f.trafficRecoverySeconds()), secs(f.activationRecoverySeconds()),
                        secs(f.dropsStopSeconds()),
                        f.trafficErrorsBefore() + " / " + bad(f.trafficErrorsDuring()) + " / " + bad(f.trafficErrorsAfter()),
                        f.errorPollsBefore() + " / " + bad(f.errorPollsDuring()) + " / " + bad(f.errorPollsAfter()),
                        bad(f.dropsDuring()) + " / " + bad(f.dropsAfter()), msOrNone(f.baselineActivationP50Ms()),
                        msOrNone(f.duringActivationP50Ms()), msOrNone(f.duringActivationMaxMs()), n(f.writesDuring()));
            }
        }
        h.append(t.html());
        for (int g = 0; g < gateways.size(); g++) {
            String gateway = gateways.get(g);
            GatewayFaults f = a.faults().get(gateway);
            if (f.faults().isEmpty()) {
                continue;
            }
            h.append("<h3>").append(swatch(g)).append(Html.escape(gateway)).append("</h3><figure>")
                    .append(ChaosCharts.faultTimeline(f, a.traffic().get(gateway), a.activation().get(gateway)))
                    .append("</figure><ul class=\"notes\">");
            for (FaultRecovery r : f.faults()) {
                h.append("<li><b>#").append(r.fault()).append(' ').append(Html.escape(r.describe())).append("</b>: ")
                        .append(Html.escape(nonNull(r.detail()))).append("; heal: ")
                        .append(Html.escape(r.healDetail() == null ? "none in the journal" : r.healDetail()))
                        .append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static String secs(double seconds) {
        return Double.isNaN(seconds) ? FigureFormat.NONE : FigureFormat.seconds(seconds);
    }

    private static String msOrNone(double ms) {
        return Double.isNaN(ms) ? FigureFormat.NONE : FigureFormat.significant(ms);
    }

    private static void failures(StringBuilder h, RunAnalysis a) {
        h.append("<section><h2>Never activated and errors</h2>");
        boolean any = false;
        for (String gateway : a.gateways()) {
            GatewayActivation act = a.activation().get(gateway);
            Map<String, Long> errors = act.overall().errorsByKind();
            List<OpVerdict> gaveUp = act.ops().stream().filter(v -> v.state() == OpVerdict.State.GAVE_UP
                    || v.state() == OpVerdict.State.FAILED).toList();
            if (errors.isEmpty() && gaveUp.isEmpty()) {
                continue;
            }
            any = true;
            h.append("<h3>").append(Html.escape(gateway)).append("</h3>");
            if (!errors.isEmpty()) {
                Table t = new Table("error answer", "polls").compact();
                errors.forEach((kind, count) -> t.row(Html.escape(kind), n(count)));
                h.append(t.html());
            }
            if (!gaveUp.isEmpty()) {
                Table t = new Table("op", "write", "route", "host", "path", "t0 s", "verdict", "error polls");
                for (OpVerdict v : gaveUp.subList(0, Math.min(MAX_LISTED, gaveUp.size()))) {
                    String verdict = v.state() == OpVerdict.State.FAILED ? "write refused: " + nonNull(v.error())
                            : v.expectsPresent() ? "never activated" : "never deactivated";
                    t.row(n(v.op()), Html.escape(v.kind().word()), Html.escape(String.valueOf(v.route())),
                            Html.escape(v.host()), Html.escape(v.path()), FigureFormat.seconds(v.ackedSeconds()),
                            "<span class=\"bad\">" + Html.escape(verdict) + "</span>", n(v.errorPolls()));
                }
                h.append(t.html());
                if (gaveUp.size() > MAX_LISTED) {
                    h.append("<p class=\"hint\">First ").append(MAX_LISTED).append(" of ").append(gaveUp.size())
                            .append(" listed.</p>");
                }
            }
        }
        if (!any) {
            h.append("<p>Every acknowledged write reached its expected state; no probe answer was an error.</p>");
        }
        h.append("</section>\n");
    }

    private static void notes(StringBuilder h, List<ReportNote> notes) {
        h.append("<section><h2>Notes</h2>");
        if (notes.isEmpty()) {
            h.append("<p>None: the run completed and the harness kept up.</p>");
        } else {
            h.append("<ul class=\"notes\">");
            for (ReportNote n : notes) {
                h.append("<li class=\"").append(n.level() == NoteLevel.INFO ? "info" : "warn").append("\"><b>")
                        .append(n.level().word()).append("</b> ");
                if (n.gateway() != null) {
                    h.append("<i>").append(Html.escape(n.gateway())).append("</i>: ");
                }
                h.append(Html.escape(n.message())).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    static String swatch(int g) {
        return "<span class=\"sw\" style=\"background:" + Palette.colour(g) + "\"></span>";
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    /** A count that is bad news when not zero. */
    private static String bad(long v) {
        return v == 0 ? "0" : "<span class=\"bad\">" + v + "</span>";
    }

    private static String ms(LatencyStats s, long nanos) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(nanos);
    }

    private static String nonNull(String s) {
        return s == null ? "unknown" : s;
    }

    /** An HTML table; cells are markup already escaped by the caller. The first column is a label. */
    static final class Table {
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();
        private boolean compact;

        Table(String... headers) {
            this.headers = headers;
        }

        /** As narrow as its content, for tables of few columns. */
        Table compact() {
            compact = true;
            return this;
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String html() {
            StringBuilder t = new StringBuilder("<div class=\"scroll\"><table")
                    .append(compact ? " class=\"compact\"" : "").append("><thead><tr>");
            for (String head : headers) {
                t.append("<th>").append(Html.escape(head)).append("</th>");
            }
            t.append("</tr></thead><tbody>");
            for (String[] r : rows) {
                t.append("<tr>");
                for (int i = 0; i < r.length; i++) {
                    t.append(i == 0 ? "<td class=\"label\">" : "<td>").append(r[i]).append("</td>");
                }
                t.append("</tr>");
            }
            return t.append("</tbody></table></div>").toString();
        }
    }

    private static final String CSS = """
            :root{--fg:#1d2430;--muted:#5b6675;--line:#dde2e8;--bg:#f6f7f9;--bad:#b3261e;--ok:#1e7b34}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
            header,section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin-bottom:18px}
            .title{display:flex;align-items:center;gap:14px}
            h1{font-size:24px;margin:0}
            h2{font-size:18px;margin:0 0 6px}
            h3{font-size:15px;margin:18px 0 6px;display:flex;align-items:center;gap:8px}
            .badge{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;padding:3px 9px;border-radius:10px;color:#fff}
            .badge.ok{background:var(--ok)}.badge.bad{background:var(--bad)}
            .reason{color:var(--bad);margin:6px 0 0}
            .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:6px 18px;margin:14px 0 0}
            .facts div{min-width:0}
            dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            dd{margin:0;overflow-wrap:anywhere}
            .lead{color:var(--muted);margin:0 0 12px}
            .hint{color:var(--muted);font-size:12px;margin:6px 0 0}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;margin:4px 0}
            table.compact{width:auto;min-width:280px}
            th{font-size:11.5px;color:var(--muted);font-weight:600;text-align:right;padding:6px 7px;border-bottom:2px solid var(--line);white-space:nowrap}
            td{font-size:13px;text-align:right;padding:5px 7px;border-bottom:1px solid var(--line);white-space:nowrap}
            th:first-child,td.label{text-align:left}
            td.label{font-weight:600}
            tbody tr:nth-child(even){background:#fafbfc}
            .bad{color:var(--bad);font-weight:600}
            .sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
            figure{margin:8px 0 4px}
            svg{max-width:100%;height:auto;display:block}
            svg text{font-family:inherit;fill:var(--fg)}
            .plot-bg{fill:#fff;stroke:none}
            .grid{stroke:#eceff3;stroke-width:1}
            .axis{stroke:#8a94a3;stroke-width:1}
            .tick{font-size:11px;fill:var(--muted)}
            .axis-title{font-size:12px;fill:var(--muted)}
            .legend{font-size:12px}
            .swatch{stroke:none}
            .guide{stroke:#b9c0ca;stroke-dasharray:3 3}
            .guide-label{font-size:10px;fill:var(--muted)}
            .cdf{fill:none;stroke-width:2}
            .dot{fill-opacity:.55;stroke:none}
            .dot.absent{fill:#9a9a9a;fill-opacity:.45}
            .gave-up{stroke:#c0392b;stroke-width:2;fill:none}
            .strip{fill:#f1f3f6}
            .strip-label{font-size:11px;fill:var(--muted)}
            .apply-tick{fill:#6b7685}
            .apply-tick.failed{fill:#c0392b}
            .apply-span{fill:#6b7685;fill-opacity:.07}
            .lane{stroke:#d5dae1;stroke-width:1}
            .phase{stroke:#374151;stroke-dasharray:5 4;stroke-width:1}
            .phase-label{font-size:11px;fill:#374151}
            .no-data{font-size:14px;fill:var(--muted)}
            .series{fill:none;stroke-width:1.8}
            .series.thin{stroke-width:1.2;stroke-dasharray:4 3}
            .ko-bar{fill-opacity:.8;stroke:none}
            .fault-span{fill:#f4c542;fill-opacity:.22}
            ul.notes{margin:0;padding-left:18px}
            ul.notes li{margin:3px 0}
            li.warn b{color:var(--bad)}
            footer{color:var(--muted);font-size:12px;text-align:center;margin-top:8px}
            """;
}
