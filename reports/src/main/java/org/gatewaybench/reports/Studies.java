package org.gatewaybench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.WordModule;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.html.StudyPage;
import org.gatewaybench.reports.markdown.StudyMarkdown;
import org.gatewaybench.reports.study.AllureMerge;
import org.gatewaybench.reports.study.Study;
import org.gatewaybench.reports.study.StudyAssertion;
import org.gatewaybench.reports.study.StudyRun;
import org.gatewaybench.reports.study.Target;

/**
 * Writes a study: study.html, summary.md and study.json into its output folder, and the runs'
 * Allure results merged into its allure-results/. Each file is replaced atomically.
 */
public final class Studies {

    public static final String HTML = "study.html";
    public static final String MARKDOWN = "summary.md";
    public static final String JSON = "study.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new WordModule())
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One run of study.json. */
    record RunEntry(String dir, String runId, String scenario, String startedAt, long plannedWrites,
                    List<GatewayRepetitions> gateways, List<StudyAssertion> assertions) {
    }

    /**
     * study.json: the runs with their own figures, the gateways over all runs (latencies in ns),
     * and the answer.
     */
    record StudyJson(int studyVersion, String title, List<Target> answer, boolean answeredByAssertions,
                     List<GatewayRepetitions> gateways, List<RunEntry> runs) {
    }

    /** What was written: the files, and how many Allure result files were merged. */
    public record Written(List<Path> files, int allureFiles) {
    }

    private Studies() {
    }

    public static Written write(Study study, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        AtomicFiles.writeString(out.resolve(HTML), StudyPage.render(study));
        files.add(out.resolve(HTML));
        AtomicFiles.writeString(out.resolve(MARKDOWN), StudyMarkdown.render(study));
        files.add(out.resolve(MARKDOWN));
        List<RunEntry> runs = new ArrayList<>();
        for (int r = 0; r < study.runs().size(); r++) {
            StudyRun run = study.runs().get(r);
            Map<String, GatewayRepetitions> own = study.perRun().get(r);
            runs.add(new RunEntry(run.dir().toString(), run.summary().runId(), run.summary().scenario(),
                    run.summary().startedAt(), run.plannedWrites(), List.copyOf(own.values()), run.assertions()));
        }
        byte[] json = MAPPER.writeValueAsBytes(new StudyJson(1, study.title(), study.answer(),
                study.answeredByAssertions(), study.gateways(), runs));
        Path jsonFile = out.resolve(JSON);
        AtomicFiles.write(jsonFile, o -> {
            o.write(json);
            o.write('\n');
        });
        files.add(jsonFile);
        int allure = AllureMerge.merge(study.runs().stream().map(StudyRun::dir).toList(), out);
        return new Written(files, allure);
    }
}
