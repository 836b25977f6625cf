package org.gatewaybench.scenarios.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.scenarios.bundle.BundleWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Packs a run for a vendor: one zip with the scenario as run, the exact versions, the journal, "
                + "the reports, each gateway's configs and logs, diagnostics/ and REPRO.md (the findings in plain "
                + "words and the one command that reproduces them). Secrets (private keys, Authorization headers, "
                + "tokens, kubeconfigs) are taken out; REPRO.md says what was.")
final class BundleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
    Path runDir;

    @Option(names = "--output", paramLabel = "FILE",
            description = "the archive to write (default: RUN_DIR-bundle.zip beside the run folder)")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (JournalReader.in(runDir).isEmpty()) {
            System.err.println("error: " + runDir + ": no run folder with a journal (" + JournalReader.NAME + ") here");
            return ExitCode.BAD_INPUT;
        }
        long start = System.nanoTime();
        BundleWriter.Bundle b = BundleWriter.write(runDir, output);
        System.out.printf("bundle: %s (%,d bytes, %d files, %d secrets redacted, %d files left out, %.1f s)%n",
                b.file(), b.bytes(), b.files(), b.redactions(), b.leftOut(), (System.nanoTime() - start) / 1e9);
        System.out.println(b.findings().any() ? "findings: " + (b.findings().neverActivated().size()
                + b.findings().timelinesLeftOut()) + " never activated, " + b.findings().drops().size()
                + " drops listed, " + b.findings().failedAssertions().size() + " failed assertions, "
                + b.findings().isolationFindings().size() + " isolation findings (see REPRO.md)"
                : "findings: none (REPRO.md says so)");
        return ExitCode.OK;
    }
}
