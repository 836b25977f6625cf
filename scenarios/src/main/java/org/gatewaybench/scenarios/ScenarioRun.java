package org.gatewaybench.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.assertion.Assertion;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.reports.assertion.InvalidAssertionException;
import org.gatewaybench.reports.summary.RunSummary;
import org.gatewaybench.scenarios.run.Runner;

/**
 * A finished run of {@link GatewayBench#run}: how it ended, its folder, its summary and its figures,
 * against which assertions are judged exactly as a scenario's {@code assertions:} section is.
 * Failures are {@link AssertionError}s, which every test framework reports as failed tests.
 */
public final class ScenarioRun {

    private final Runner.Result result;
    private final RunAnalysis analysis;
    private final RunSummary summary;

    private ScenarioRun(Runner.Result result, RunAnalysis analysis) {
        this.result = result;
        this.analysis = analysis;
        this.summary = RunSummary.of(analysis);
    }

    static ScenarioRun of(Runner.Result result) throws IOException {
        Path journal = JournalReader.in(result.runDir()).orElseThrow(() -> new IOException("no journal in "
                + result.runDir()));
        return new ScenarioRun(result, RunAnalysis.of(JournalReader.open(journal)));
    }

    /** Completed, failed or interrupted. */
    public RunOutcome outcome() {
        return result.outcome();
    }

    /** The run folder: journal.jsonl.gz, report.html, summary.md, summary.json, allure-results/. */
    public Path runDir() {
        return result.runDir();
    }

    /** The run's figures, as summary.json holds them. */
    public RunSummary summary() {
        return summary;
    }

    /** The verdicts of the scenario's own assertions, per gateway, as the run judged them. */
    public List<AssertionResult> assertions() {
        return result.assertions();
    }

    /**
     * Judges {@code figure} against {@code bound} (as a scenario writes them: "activation.p99",
     * "<= 5s") for each of {@code gateways}, or every gateway of the run when none is named.
     *
     * @throws InvalidAssertionException for an unknown figure or a bound that does not fit it
     */
    public List<AssertionResult> evaluate(String figure, String bound, String... gateways) {
        Assertion assertion = Assertion.of(figure, bound, List.of(gateways));
        List<String> judged = gateways.length == 0 ? summary.gateways().stream().map(RunSummary.GatewaySummary::name)
                .toList() : Arrays.asList(gateways);
        return judged.stream().map(g -> assertion.evaluate(analysis, g)).toList();
    }

    /**
     * Like {@link #evaluate}, and fails with an {@link AssertionError} naming the measured value
     * against the bound of each gateway that missed it.
     */
    public List<AssertionResult> require(String figure, String bound, String... gateways) {
        List<AssertionResult> results = evaluate(figure, bound, gateways);
        failIfAny(results.stream().filter(r -> !r.passed()).toList());
        return results;
    }

    /** Fails unless the run completed. */
    public ScenarioRun requireCompleted() {
        if (result.outcome() != RunOutcome.COMPLETED) {
            throw new AssertionError("the run " + result.outcome().word() + (result.reason() == null ? ""
                    : ": " + result.reason()) + " (" + result.runDir() + ")");
        }
        return this;
    }

    /** Fails unless the run completed and met every bound of the scenario's assertions. */
    public ScenarioRun requireAssertionsPassed() {
        requireCompleted();
        failIfAny(result.assertions().stream().filter(r -> !r.passed()).toList());
        return this;
    }

    private void failIfAny(List<AssertionResult> failed) {
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.stream().map(AssertionResult::describe)
                    .collect(Collectors.joining("\n", "", "\nreport: " + result.runDir().resolve("report.html"))));
        }
    }
}
