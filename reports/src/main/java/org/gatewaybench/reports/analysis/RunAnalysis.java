package org.gatewaybench.reports.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.reports.confidence.GatewayRepetitions;

/**
 * All analyses of one run: a pure function of its history, the only input of every report writer.
 * The history is replayed once and every analysis folds the events as they pass, so the analyses
 * hold their figures, never the journal. Each analysis stands alone: one that fails (an exception
 * while it folds or after) has no figures, its accessor throws {@link AnalysisFailedException}
 * naming it, and {@link #failures()} lists it; the others keep theirs. Maps are per gateway, in
 * the order the gateways ran.
 */
public final class RunAnalysis {

    private final Result<RunLayout> layout;
    private final Result<RunFacts> facts;
    private final Result<RunEnding> outcome;
    private final Result<Map<String, GatewayActivation>> activation;
    private final Result<Map<String, GatewayConfigApplies>> configApplies;
    private final Result<Map<String, HarnessLagFigures>> harnessLag;
    private final Result<Map<String, GatewayTraffic>> traffic;
    private final Result<Map<String, GatewayResources>> resources;
    private final Result<Map<String, GatewayMetrics>> metrics;
    private final Result<Map<String, GatewayFaults>> faults;
    private final Result<LongConnectionAnalysis.Figures> longConnections;
    private final Result<Map<String, GatewayRepetitions>> repetitions;
    private final Result<Map<String, GatewayRouteWrites>> routeWrites;
    private final Result<Map<String, GatewayIsolation>> isolation;
    private final Result<List<Events.DiagnosticsCollected>> diagnostics;
    private final Result<RunVersions> versions;
    private final Result<List<Events.AssertionEvaluated>> assertions;
    private final Result<List<ReportNote>> notes;
    private final long journalEvents;

    private RunAnalysis(History history, int required) throws IOException {
        Pass pass = new Pass();
        LayoutAnalysis layoutFold = pass.add(Analysis.LAYOUT, new LayoutAnalysis());
        FactsAnalysis factsFold = pass.add(Analysis.FACTS, new FactsAnalysis());
        OutcomeAnalysis outcomeFold = pass.add(Analysis.OUTCOME, new OutcomeAnalysis());
        ActivationAnalysis activationFold = pass.add(Analysis.ACTIVATION, new ActivationAnalysis(required));
        ConfigApplyAnalysis appliesFold = pass.add(Analysis.CONFIG_APPLIES, new ConfigApplyAnalysis());
        HarnessLagAnalysis lagFold = pass.add(Analysis.HARNESS_LAG, new HarnessLagAnalysis());
        TrafficAnalysis trafficFold = pass.add(Analysis.TRAFFIC, new TrafficAnalysis());
        ResourceAnalysis resourceFold = pass.add(Analysis.RESOURCES, new ResourceAnalysis());
        GatewayMetricsAnalysis metricsFold = pass.add(Analysis.GATEWAY_METRICS, new GatewayMetricsAnalysis());
        FaultAnalysis faultFold = pass.add(Analysis.FAULTS, new FaultAnalysis());
        LongConnectionAnalysis connectionFold = pass.add(Analysis.LONG_CONNECTIONS, new LongConnectionAnalysis());
        RouteWriteAnalysis writesFold = pass.add(Analysis.ROUTE_WRITES, new RouteWriteAnalysis());
        IsolationAnalysis isolationFold = pass.add(Analysis.ISOLATION, new IsolationAnalysis(required));
        DiagnosticsAnalysis diagnosticsFold = pass.add(Analysis.DIAGNOSTICS, new DiagnosticsAnalysis());
        VersionsAnalysis versionsFold = pass.add(Analysis.VERSIONS, new VersionsAnalysis());
        AssertionAnalysis assertionsFold = pass.add(Analysis.ASSERTIONS, new AssertionAnalysis());
        NotesAnalysis notesFold = pass.add(Analysis.NOTES, new NotesAnalysis());
        pass.replay(history);
        journalEvents = pass.events();

        boolean truncated = history.truncatedTail();
        int unknown = history.unknownEvents();
        layout = pass.result(Analysis.LAYOUT, layoutFold::result);
        facts = pass.result(Analysis.FACTS, () -> factsFold.result(layout.get(), required, truncated, unknown));
        outcome = pass.result(Analysis.OUTCOME, () -> outcomeFold.result(truncated));
        activation = pass.result(Analysis.ACTIVATION, () -> activationFold.result(layout.get()));
        configApplies = pass.result(Analysis.CONFIG_APPLIES, () -> appliesFold.result(layout.get()));
        harnessLag = pass.result(Analysis.HARNESS_LAG, () -> lagFold.result(layout.get()));
        traffic = pass.result(Analysis.TRAFFIC, () -> trafficFold.result(layout.get()));
        resources = pass.result(Analysis.RESOURCES, () -> resourceFold.result(layout.get()));
        metrics = pass.result(Analysis.GATEWAY_METRICS, () -> metricsFold.result(layout.get()));
        faults = pass.result(Analysis.FAULTS, () -> faultFold.result(layout.get(), activation::get, traffic::get));
        longConnections = pass.result(Analysis.LONG_CONNECTIONS, () -> connectionFold.result(layout.get()));
        repetitions = pass.result(Analysis.REPETITIONS,
                () -> RepetitionAnalysis.of(layout.get(), activation.get(), longConnections.ok()));
        routeWrites = pass.result(Analysis.ROUTE_WRITES, () -> writesFold.result(layout.get()));
        isolation = pass.result(Analysis.ISOLATION, () -> isolationFold.result(layout.get()));
        diagnostics = pass.result(Analysis.DIAGNOSTICS, diagnosticsFold::result);
        versions = pass.result(Analysis.VERSIONS, versionsFold::result);
        assertions = pass.result(Analysis.ASSERTIONS, assertionsFold::result);
        notes = pass.result(Analysis.NOTES, () -> List.copyOf(notesFold.result(layout.ok(), outcome.ok(),
                factsFold.hasRunStarted(), truncated, unknown, activation.ok(), harnessLag.ok())));
    }

    /**
     * Replays {@code history} once and computes every analysis.
     *
     * @throws IOException when the journal cannot be read, or holds a broken line before its last
     */
    public static RunAnalysis of(History history) throws IOException {
        return new RunAnalysis(history, requiredSuccesses(history));
    }

    /**
     * How many OK answers in a row made a route active in this run: the probe's rule as journaled,
     * or the Gateway API conformance rule for a journal without run-started.
     */
    public static int requiredSuccesses(History history) throws IOException {
        return history.runStarted().map(Events.RunStarted::probe).orElseGet(ProbeRule::conformance)
                .consecutiveSuccesses();
    }

    /** The analyses that failed, in the order above; empty when all have figures. */
    public List<AnalysisFailure> failures() {
        List<AnalysisFailure> failed = new ArrayList<>();
        all().forEach(r -> r.failure().ifPresent(failed::add));
        return failed;
    }

    /** Whether no analysis has figures: there is nothing to report. */
    public boolean nothingComputed() {
        return all().allMatch(r -> r.failure().isPresent());
    }

    private Stream<Result<?>> all() {
        return Stream.of(layout, facts, outcome, activation, configApplies, harnessLag, traffic, resources, metrics,
                faults, longConnections, repetitions, routeWrites, isolation, diagnostics, versions, assertions, notes);
    }

    /** Events the journal holds (known also when every analysis failed). */
    public long journalEvents() {
        return journalEvents;
    }

    public RunLayout layout() {
        return layout.get();
    }

    /** Gateways in the order they ran. */
    public List<String> gateways() {
        return layout.get().gateways();
    }

    public RunFacts facts() {
        return facts.get();
    }

    public RunEnding outcome() {
        return outcome.get();
    }

    public Map<String, GatewayActivation> activation() {
        return activation.get();
    }

    public Map<String, GatewayConfigApplies> configApplies() {
        return configApplies.get();
    }

    public Map<String, HarnessLagFigures> harnessLag() {
        return harnessLag.get();
    }

    public Map<String, GatewayTraffic> traffic() {
        return traffic.get();
    }

    public Map<String, GatewayResources> resources() {
        return resources.get();
    }

    /** The gateways' own metrics; a gateway without scraped metrics has no series. */
    public Map<String, GatewayMetrics> metrics() {
        return metrics.get();
    }

    public Map<String, GatewayFaults> faults() {
        return faults.get();
    }

    /** The long-connection probe's figures; without gateways when the run held none. */
    public LongConnectionAnalysis.Figures longConnections() {
        return longConnections.get();
    }

    /**
     * Each gateway (driver) over its repetitions, in the order the first ran: the median of every
     * repeated figure with its 95% interval. A run without repetitions has one per gateway, whose
     * percentiles are still resampled over routes.
     */
    public Map<String, GatewayRepetitions> repetitions() {
        return repetitions.get();
    }

    /** How long route writes took to be acknowledged, and why refused ones were refused. */
    public Map<String, GatewayRouteWrites> routeWrites() {
        return routeWrites.get();
    }

    /** Each gateway's isolation checks, judged again from the journal; without checks when the run had none. */
    public Map<String, GatewayIsolation> isolation() {
        return isolation.get();
    }

    /** The failure evidence the run collected, in journal order; empty when nothing failed or nothing could be collected. */
    public List<Events.DiagnosticsCollected> diagnostics() {
        return diagnostics.get();
    }

    /** What exactly ran: versions of the harness, the machine and each gateway. */
    public RunVersions versions() {
        return versions.get();
    }

    /** The scenario's assertions as judged at the end of each gateway's run, in journal order; empty without any. */
    public List<Events.AssertionEvaluated> assertions() {
        return assertions.get();
    }

    public List<ReportNote> notes() {
        return notes.get();
    }

    /** Why {@code analysis} has no figures; empty when it has them. */
    public Optional<AnalysisFailure> failure(Analysis analysis) {
        return failures().stream().filter(f -> f.analysis() == analysis).findFirst();
    }

    /**
     * What {@code figures} gives, or null when an analysis it reads failed: for a part of a report
     * that can do without (a chart without its fault shading, a summary field left null).
     */
    public static <T> T orNull(Supplier<T> figures) {
        try {
            return figures.get();
        } catch (AnalysisFailedException e) {
            return null;
        }
    }
}
