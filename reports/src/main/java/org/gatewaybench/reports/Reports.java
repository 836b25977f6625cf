package org.gatewaybench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.reports.allure.AllureResults;
import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.analysis.AnalysisFailure;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.gatewaybench.reports.summary.HistogramLogFiles;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.SummaryJsonWriter;

/**
 * Renders every report of a run from its history alone, so that any old run can be re-rendered
 * from its journal. Each file is replaced atomically: an old report is never half-overwritten.
 * An analysis that fails is named in every report and leaves the others' figures.
 */
public final class Reports {

    /**
     * What a rendering wrote.
     *
     * @param files    the files written; none when no analysis had figures (earlier reports stay)
     * @param failures the analyses that failed, named in the reports
     * @param events   events in the journal
     */
    public record Rendering(List<Path> files, List<AnalysisFailure> failures, long events, boolean truncatedTail) {

        public Rendering {
            files = List.copyOf(files);
            failures = List.copyOf(failures);
        }
    }

    private Reports() {
    }

    /**
     * Reads the journal of {@code runDir} ({@link JournalReader#in}), once, without holding its
     * events, and renders its reports into the same folder.
     */
    public static Rendering render(Path runDir) throws IOException {
        Path journal = JournalReader.in(runDir).orElseThrow(() -> new IOException("no journal in " + runDir
                + ": expected a run folder holding " + JournalReader.NAME + " (or " + JournalReader.PLAIN_NAME + ")"));
        return render(JournalReader.open(journal), runDir);
    }

    /**
     * Writes summary.json, summary.md, report.html, activation-&lt;gateway&gt;.hlog and
     * first-answer-&lt;gateway&gt;.hlog per gateway and allure-results/ into {@code runDir}; the
     * histogram logs only when activation has figures, the Allure results only when the gateways
     * of the run are known.
     *
     * @throws IOException when the journal cannot be read (a broken line names its file and line;
     *     nothing is written then) or a report cannot be written
     */
    public static Rendering render(History history, Path runDir) throws IOException {
        RunAnalysis analysis = RunAnalysis.of(history);
        List<Path> written = new ArrayList<>();
        if (!analysis.nothingComputed()) {
            written.add(SummaryJsonWriter.write(RunSummary.of(analysis), runDir));
            written.add(MarkdownWriter.write(analysis, runDir));
            written.add(HtmlReportWriter.write(analysis, runDir));
            if (analysis.failure(Analysis.ACTIVATION).isEmpty()) {
                for (String gateway : analysis.gateways()) {
                    long[] wall = analysis.layout().wallSpan(gateway);
                    written.addAll(HistogramLogFiles.write(analysis.activation().get(gateway), wall[0], wall[1],
                            runDir));
                }
            }
            if (analysis.failure(Analysis.LAYOUT).isEmpty()) {
                written.add(AllureResults.write(analysis, runDir, System.getenv()));
            }
        }
        return new Rendering(written, analysis.failures(), analysis.journalEvents(), history.truncatedTail());
    }
}
