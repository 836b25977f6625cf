package org.gatewaybench.reports.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.reports.AtomicFiles;
import org.gatewaybench.reports.analysis.AnalysisFailedException;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * Writes report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
 * that compares the gateways of a run, one {@link Section} after another. A section that cannot be
 * shown (an analysis it needs failed) is replaced by a note saying so; the others are shown as
 * usual. All text from the journal is escaped.
 */
public final class HtmlReportWriter {

    public static final String FILE_NAME = "report.html";

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
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title(analysis))).append("</title>\n<style>").append(CSS)
                .append(LongConnectionSection.CSS).append(IsolationSection.CSS).append(GatewayMetricsSection.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        for (Section section : sections(runDir)) {
            StringBuilder part = new StringBuilder();
            try {
                section.append(part, analysis);
                h.append(part);
            } catch (AnalysisFailedException e) {
                notShown(h, section, e.failure().describe());
            } catch (RuntimeException e) {
                notShown(h, section, "rendering it failed: " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }
        h.append("<footer>Rendered from the run's journal by gateway-bench. Latencies are exact to 3 significant "
                + "digits (HdrHistogram); each figure's resolution is the probe's poll interval, shown as "
                + "\"resolution\". Per-gateway histograms: activation-&lt;gateway&gt;.hlog and "
                + "first-answer-&lt;gateway&gt;.hlog.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The page's sections, in order, with their headings. */
    private static List<Section> sections(Path runDir) {
        return List.of(new HeaderSection("Run"), new FailedAnalysesSection("Analyses that failed"),
                new AssertionsSection("Assertions"), new ComparisonSection("Comparison"),
                new IsolationSection("Tenant isolation"),
                new ConfidenceSection("Repetitions and confidence"),
                new ActivationCdfSection("Activation latency distribution"),
                new LatencyOverTimeSection("Latency over time"), new ConfigAppliesSection("Config applies"),
                new LongConnectionSection("Long connections"), new TrafficSection("Traffic to stable routes", runDir),
                new ResourcesSection("Resources"), new GatewayMetricsSection("Gateway metrics"),
                new FaultsSection("Faults and recovery"), new RouteWritesSection("Route writes"),
                new NeverActivatedSection("Never activated and errors"), new DiagnosticsSection("Diagnostics"),
                new NotesSection("Notes"));
    }

    private static String title(RunAnalysis analysis) {
        try {
            return "gateway-bench: " + Markup.orUnknown(analysis.facts().scenario()) + " ("
                    + Markup.orUnknown(analysis.facts().runId()) + ")";
        } catch (AnalysisFailedException e) {
            return "gateway-bench: a run whose facts are unknown";
        }
    }

    /** In place of a section that cannot be shown: its title and why. */
    private static void notShown(StringBuilder h, Section section, String why) {
        h.append("<section class=\"failed\"><h2>").append(Html.escape(section.title()))
                .append("</h2><p class=\"bad\">Not shown: ").append(Html.escape(why)).append(".</p></section>\n");
    }

    static final String CSS = """
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
            .badge.ok{background:var(--ok)}.badge.bad{background:var(--bad);color:#fff}
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
            th:first-child,td.label,th.text,td.text{text-align:left}
            td.label{font-weight:600}
            tbody tr:nth-child(even){background:#fafbfc}
            .bad{color:var(--bad);font-weight:600}
            .good{color:var(--ok);font-weight:600}
            section.failed{border-color:var(--bad)}
            section.failed h2{color:var(--bad)}
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
            .ci{color:var(--muted);font-size:12px}
            td .verdict{white-space:normal;display:inline-block;min-width:260px;text-align:left}
            """;
}
