package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders the reports of a run again from its journal (also a partial, interrupted run).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder holding journal.jsonl")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        Path journal = runDir.resolve("journal.jsonl");
        if (!Files.isRegularFile(journal)) {
            System.err.println(runDir + ": no journal.jsonl here; expected a run folder made by `gateway-bench run`");
            return ExitCode.BAD_INPUT;
        }
        History history;
        try {
            history = JournalReader.read(journal);
        } catch (IOException e) {
            System.err.println(e.getMessage()); // names the file and line of the broken event
            return ExitCode.BAD_INPUT;
        }
        Reports.render(history, runDir);
        System.out.println("report: " + runDir.resolve("report.html") + " (" + history.events().size() + " events"
                + (history.truncatedTail() ? ", journal cut short" : "") + ")");
        return 0;
    }
}
