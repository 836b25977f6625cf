package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.reports.compare.Comparison;
import org.gatewaybench.reports.compare.ComparisonMarkdown;
import org.gatewaybench.reports.compare.Finding;
import org.gatewaybench.reports.compare.Tolerance;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.reports.summary.SummaryJsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "The regression gate: compares a run with a baseline run of the same scenario (activation "
                + "p50/p99/max, never activated, error answers, long-connection drops, isolation verdicts) and prints a "
                + "Markdown table. Exit code 1 when a figure regressed beyond the tolerance or an isolation check went "
                + "from held or refused to violated or degraded, 2 for bad input.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE", description = "the baseline: a run folder or its summary.json")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "the run to judge: a run folder or its summary.json")
    Path current;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "25",
            description = "how much worse (in percent) a figure may get; default ${DEFAULT-VALUE}")
    double tolerancePercent;

    @Option(names = "--floor", paramLabel = "DURATION", defaultValue = "20ms",
            description = "latencies must also grow by more than this to regress (probe resolution noise); "
                    + "default ${DEFAULT-VALUE}")
    String floor;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "also append the table to this file (e.g. $GITHUB_STEP_SUMMARY)")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        RunSummary before = read(baseline);
        RunSummary now = read(current);
        if (before == null || now == null) {
            return ExitCode.BAD_INPUT;
        }
        if (tolerancePercent < 0) {
            System.err.println("--tolerance: expected a percentage >= 0, found " + tolerancePercent);
            return ExitCode.BAD_INPUT;
        }
        Tolerance tolerance;
        try {
            tolerance = new Tolerance(tolerancePercent / 100, Durations.parse(floor).toNanos());
        } catch (IllegalArgumentException e) {
            System.err.println("--floor: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (!before.scenario().equals(now.scenario())) {
            System.err.println("warning: comparing scenario '" + now.scenario() + "' with a baseline of '"
                    + before.scenario() + "'");
        }
        List<Finding> findings = Comparison.compare(before, now, tolerance);
        String table = ComparisonMarkdown.render(before.runId(), now.runId(), tolerance, findings);
        System.out.print(table);
        if (markdown != null) {
            try {
                Files.writeString(markdown, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw IoErrors.named("append the comparison to", markdown, e);
            }
        }
        return Comparison.regressed(findings) ? 1 : 0;
    }

    /** The summary of a run folder or file, or null after saying why it cannot be read. */
    private static RunSummary read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(SummaryJsonWriter.FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            System.err.println(path + ": no " + SummaryJsonWriter.FILE_NAME + "; expected a run folder made by "
                    + "`gateway-bench run` (or `gateway-bench report RUN_DIR` to write it again)");
            return null;
        }
        try {
            return SummaryJsonWriter.read(file);
        } catch (IOException e) {
            System.err.println(file + ": not a gateway-bench summary: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }
}
