package org.gatewaybench.reports.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.confidence.RepetitionFigures;
import org.gatewaybench.reports.summary.HistogramLogFiles;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.SummaryJsonWriter;

/**
 * One run folder as a study reads it: its summary.json, the latency logs (.hlog) of each of its
 * gateway repetitions, and the assertion results summary.json holds (read as plain JSON, so a
 * study reads them from any version that writes them).
 *
 * @param byGateway  per driver, in the order the run's gateways ran, the figures of each repetition
 *                   (named {@code runId/gateway#n})
 * @param assertions the assertion results of the run, empty when it has none
 */
public record StudyRun(Path dir, RunSummary summary, Map<String, List<RepetitionFigures>> byGateway,
                       List<StudyAssertion> assertions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code dir}; an error naming the folder and the file that is missing or unreadable. */
    public static StudyRun read(Path dir) throws StudyException {
        Path file = dir.resolve(SummaryJsonWriter.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StudyException(dir + ": no " + SummaryJsonWriter.FILE_NAME + "; expected a run folder made by "
                    + "`gateway-bench run` (`gateway-bench report " + dir + "` writes it again from the journal)");
        }
        RunSummary summary;
        JsonNode raw;
        try {
            summary = SummaryJsonWriter.read(file);
            raw = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new StudyException(file + ": not a gateway-bench summary: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, List<RepetitionFigures>> byGateway = new LinkedHashMap<>();
        for (RunSummary.GatewaySummary g : summary.gateways()) {
            byGateway.computeIfAbsent(Repetition.of(g.name()).gateway(), k -> new ArrayList<>())
                    .add(figures(dir, summary.runId(), g));
        }
        return new StudyRun(dir, summary, byGateway, StudyAssertion.of(raw.path("assertions")));
    }

    private static RepetitionFigures figures(Path dir, String runId, RunSummary.GatewaySummary g)
            throws StudyException {
        ActivationFigures a = g.activation();
        return new RepetitionFigures(runId + "/" + g.name(),
                log(dir, HistogramLogFiles.Kind.ACTIVATION, g.name()),
                log(dir, HistogramLogFiles.Kind.FIRST_ANSWER, g.name()),
                log(dir, HistogramLogFiles.Kind.DEACTIVATION, g.name()),
                a == null ? null : a.neverActivated(), a == null ? null : a.errorPolls(),
                g.longConnections() == null ? null : g.longConnections().drops());
    }

    /** The log of {@code gateway}, or null when the run did not write it (an older version, a failed analysis). */
    private static Histogram log(Path dir, HistogramLogFiles.Kind kind, String gateway) throws StudyException {
        Path file = dir.resolve(kind.fileName(gateway));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return HistogramLogFiles.read(file);
        } catch (IOException e) {
            throw new StudyException(e.getMessage());
        }
    }

    /** The route writes the churn plans per gateway: equal for runs of the same scenario and route count. */
    public long plannedWrites() {
        return summary.gateways().stream().findFirst().map(g -> g.phases() == null ? 0L
                : g.phases().stream().mapToLong(RunSummary.PhaseSummary::plannedOps).sum()).orElse(0L);
    }

    /** The run's name as the study shows it. */
    public String name() {
        return summary.runId() == null ? dir.getFileName().toString() : summary.runId();
    }
}
