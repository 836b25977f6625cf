package org.gatewaybench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.gatewaybench.reports.summary.HistogramLogFiles;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.SummaryJsonWriter;

/**
 * Renders every report of a run from its history alone, so that any old run can be re-rendered
 * from its journal. Each file is replaced atomically: an old report is never half-overwritten.
 */
public final class Reports {

    /** The journal file inside a run folder. */
    public static final String JOURNAL = "journal.jsonl";

    private Reports() {
    }

    /** Reads {@value #JOURNAL} of {@code runDir} and renders its reports into the same folder. */
    public static List<Path> render(Path runDir) throws IOException {
        Path journal = runDir.resolve(JOURNAL);
        if (!Files.isRegularFile(journal)) {
            throw new IOException("no journal at " + journal + ": expected a run folder holding " + JOURNAL);
        }
        return render(JournalReader.read(journal), runDir);
    }

    /**
     * Writes summary.json, summary.md, report.html and activation-&lt;gateway&gt;.hlog per gateway
     * into {@code runDir}.
     *
     * @return the files written
     */
    public static List<Path> render(History history, Path runDir) throws IOException {
        RunAnalysis analysis = RunAnalysis.of(history);
        List<Path> written = new ArrayList<>();
        written.add(SummaryJsonWriter.write(RunSummary.of(analysis), runDir));
        written.add(MarkdownWriter.write(analysis, runDir));
        written.add(HtmlReportWriter.write(analysis, runDir));
        for (String gateway : analysis.gateways()) {
            long[] wall = analysis.layout().wallSpan(gateway);
            written.add(HistogramLogFiles.write(analysis.activation().get(gateway), wall[0], wall[1], runDir));
        }
        return written;
    }
}
