package org.gatewaybench.scenarios.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gatewaybench.core.journal.BrokenJournalException;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders the reports of a run again from its journal (also a partial, interrupted run).",
                "An analysis that fails is named in the reports and on stderr; the rest is rendered.",
                "Exit 0: rendered; 1: no analysis could be computed; 2: not a run folder, or a broken journal "
                        + "(file and line named). Nothing is written on 1 or 2."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder holding journal.jsonl.gz (or journal.jsonl)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (JournalReader.in(runDir).isEmpty()) {
            System.err.println(runDir + ": no journal here (" + JournalReader.NAME + " or " + JournalReader.PLAIN_NAME
                    + "); expected a run folder made by `gateway-bench run`");
            return ExitCode.BAD_INPUT;
        }
        Reports.Rendering rendering;
        try {
            rendering = Reports.render(runDir);
        } catch (BrokenJournalException e) {
            System.err.println(e.getMessage()); // names the file and line of the broken event
            return ExitCode.BAD_INPUT;
        }
        rendering.failures().forEach(f -> System.err.println("warning: " + f.describe()));
        String journalFacts = rendering.events() + " events" + (rendering.truncatedTail() ? ", journal cut short" : "");
        if (rendering.files().isEmpty()) {
            System.err.println(runDir + ": no analysis of the journal (" + journalFacts
                    + ") could be computed; no report written");
            return ExitCode.FAILED;
        }
        System.out.println("report: " + runDir.resolve("report.html") + " (" + journalFacts + ")");
        return ExitCode.OK;
    }
}
