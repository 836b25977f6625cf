package org.gatewaybench.scenarios.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.scenarios.load.ScenarioLoader;
import org.gatewaybench.scenarios.model.Scenario;

/** Runs a small scenario on the embedded lab with the real Runner and reads its journal back. */
final class LabRuns {

    private LabRuns() {
    }

    /** What a run left: its outcome, console output, journal and analysis. */
    record Run(Runner.Result result, String console, History history, RunAnalysis analysis) {
    }

    /** Writes {@code yaml} (its output folder is set to {@code dir/r}: HAProxy's socket path must stay short) and runs it. */
    static Run run(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml + "\noutput: " + dir.resolve("r") + "\n");
        Scenario scenario = ScenarioLoader.load(file);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Runner.Result result;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            result = new Runner(Clock.SYSTEM, out, new FixtureFactory(FixtureOptions.NONE)).run(scenario);
        }
        History history = JournalReader.read(result.runDir().resolve(JournalReader.NAME));
        return new Run(result, console.toString(StandardCharsets.UTF_8), history, RunAnalysis.of(history));
    }
}
