package org.gatewaybench.reports.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.AnalysisFailure;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.analysis.ConfigApplyFigures;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayMetrics;
import org.gatewaybench.reports.analysis.GatewayRouteWrites;
import org.gatewaybench.reports.analysis.HarnessLagFigures;
import org.gatewaybench.reports.analysis.PhaseActivation;
import org.gatewaybench.reports.analysis.ReportNote;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunFacts;
import org.gatewaybench.reports.analysis.RunEnding;
import org.gatewaybench.reports.analysis.RunVersions;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.reports.confidence.GatewayRepetitions;

/**
 * The figures of one run for machines: the content of summary.json. Durations are nanoseconds.
 * Version {@value #VERSION}; fields are only ever added, a change of meaning bumps the version.
 *
 * An analysis that failed has no figures here: its fields are null, and {@code failedAnalyses}
 * names it and why (the field is left out when every analysis has figures).
 *
 * @param startedAt      when the run started, ISO-8601 UTC, or null for an empty journal
 * @param assertions     the scenario's assertions as judged for each gateway at the end of its run, in the
 *                       order judged; empty when the scenario sets none, null when their analysis failed
 * @param failedAnalyses the analyses that failed; empty, and not written, when none did
 * @param diagnostics    the failure evidence collected into diagnostics/; not written when none was
 * @param repetitions    per gateway (driver), in the order the first ran: every repeated figure over
 *                       its repetitions (one in a run without), median and 95% interval; null when
 *                       the analysis failed, absent in summaries written before
 * @param versions       what exactly ran: "run" (harness, commit, Java, OS; a cluster's node) and each
 *                       gateway, component to version; not written for journals from before versions
 */
public record RunSummary(int summaryVersion, String runId, String scenario, String scenarioFile, String fixture,
                         String host, int cores, String startedAt, double durationSeconds, RunEnding outcome,
                         JournalFacts journal, int requiredSuccesses, List<GatewaySummary> gateways,
                         List<AssertionResult> assertions, List<ReportNote> notes,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AnalysisFailure> failedAnalyses,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Events.DiagnosticsCollected> diagnostics,
                         List<GatewayRepetitions> repetitions,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, String>> versions) {

    public static final int VERSION = 1;

    public RunSummary {
        failedAnalyses = failedAnalyses == null ? List.of() : List.copyOf(failedAnalyses);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        versions = versions == null ? Map.of() : versions;
    }

    /**
     * The journal the figures come from.
     *
     * @param schema        the journal's event schema version
     * @param truncatedTail the journal ended in a partial line
     * @param unknownEvents events of types this version does not know, skipped
     */
    public record JournalFacts(int schema, long events, boolean truncatedTail, int unknownEvents) {
    }

    /**
     * The figures of one gateway.
     *
     * @param traffic   Gatling's summary of the traffic to stable routes, or null without traffic
     * @param wrk       wrk's run against one stable route, or null
     * @param resources peaks per sampled component (time series are in the journal)
     * @param faults    each injected fault and the recovery from it
     * @param longConnections drops of long connections, or null when none were held through it
     * @param metrics   the gateway's own scraped metrics, one entry per series, or null when none were scraped
     * @param routeWrites sent-to-acknowledged latency of the route writes and the refusals by class
     * @param isolation each isolation check's verdict and evidence, in the order they ran, or null when none ran
     */
    public record GatewaySummary(String name, String dataPlane, ActivationFigures activation,
                                 List<PhaseSummary> phases, ConfigApplyFigures configApplies,
                                 HarnessLagFigures harnessLag, Events.TrafficSummary traffic, Events.WrkSummary wrk,
                                 List<ResourcePeaks> resources, List<FaultSummary> faults,
                                 LongConnectionSummary longConnections, List<MetricSummary> metrics,
                                 GatewayRouteWrites routeWrites, List<IsolationSummary> isolation) {
    }

    /**
     * One scraped metric series over the run (its samples stay in the journal).
     *
     * @param kind         counter or gauge
     * @param firstSeconds the first sample, seconds since the gateway started
     * @param lastSeconds  the last sample, seconds since the gateway started
     * @param change       a counter's increase over the run (a drop counts as a restart from 0), a
     *                     gauge's last minus first value
     * @param resets       times a counter dropped; 0 for a gauge
     */
    public record MetricSummary(String name, Map<String, String> labels, String kind, int samples,
                                double firstSeconds, double lastSeconds, double first, double last, double change,
                                double min, double max, int resets) {

        static MetricSummary of(GatewayMetrics.Series s) {
            return new MetricSummary(s.name(), s.labels(), s.kind().name().toLowerCase(Locale.ROOT), s.samples(),
                    s.firstSeconds(), s.lastSeconds(), s.first(), s.last(), s.change(), s.min(), s.max(), s.resets());
        }
    }

    /** Peaks of one sampled component. */
    public record ResourcePeaks(String component, int samples, long peakRssBytes, double peakCpuPercent,
                                int peakProcesses, int peakWorkers, int peakDrainingWorkers) {
    }

    /** One fault and the recovery from it; seconds since the gateway started, null where a figure does not exist. */
    public record FaultSummary(int fault, FaultAction action, FaultTarget target, String detail, double startSeconds,
                               Double healSeconds, boolean healOk, double outageSeconds,
                               Double trafficRecoverySeconds, Double activationRecoverySeconds,
                               Double dropsStopSeconds, long trafficErrorsBefore, long trafficErrorsDuring,
                               long trafficErrorsAfter, long errorPollsBefore, long errorPollsDuring,
                               long errorPollsAfter, long dropsDuring, long dropsAfter,
                               Double baselineActivationP50Ms, Double duringActivationP50Ms,
                               Double duringActivationMaxMs, long writesDuring) {

        static FaultSummary of(FaultRecovery f) {
            return new FaultSummary(f.fault(), f.action(), f.target(), f.detail(), f.startSeconds(),
                    orNull(f.healSeconds()), f.healOk(), f.outageSeconds(), orNull(f.trafficRecoverySeconds()),
                    orNull(f.activationRecoverySeconds()), orNull(f.dropsStopSeconds()), f.trafficErrorsBefore(),
                    f.trafficErrorsDuring(), f.trafficErrorsAfter(), f.errorPollsBefore(), f.errorPollsDuring(),
                    f.errorPollsAfter(), f.dropsDuring(), f.dropsAfter(), orNull(f.baselineActivationP50Ms()),
                    orNull(f.duringActivationP50Ms()), orNull(f.duringActivationMaxMs()), f.writesDuring());
        }

        private static Double orNull(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }

    /**
     * The figures of one churn phase.
     *
     * @param startSeconds since the gateway started
     * @param endSeconds   since the gateway started, or null when the phase has no end in the journal
     */
    public record PhaseSummary(int index, String name, PhaseKind kind, long plannedOps, double startSeconds,
                               Double endSeconds, ActivationFigures activation) {
    }

    public static RunSummary of(RunAnalysis analysis) {
        RunFacts f = figure(analysis::facts);
        List<GatewaySummary> gateways = new ArrayList<>();
        List<String> names = figure(analysis::gateways);
        for (String gateway : names == null ? List.<String>of() : names) {
            ActivationOfGateway activation = figure(() -> ActivationOfGateway.of(analysis, gateway));
            gateways.add(new GatewaySummary(gateway, analysis.layout().dataPlane(gateway),
                    activation == null ? null : activation.overall(), activation == null ? null : activation.phases(),
                    figure(() -> analysis.configApplies().get(gateway).figures()),
                    figure(() -> analysis.harnessLag().get(gateway)),
                    figure(() -> analysis.traffic().get(gateway).summary()),
                    figure(() -> analysis.traffic().get(gateway).wrk()), figure(() -> peaks(analysis, gateway)),
                    figure(() -> analysis.faults().get(gateway).faults().stream().map(FaultSummary::of).toList()),
                    figure(() -> longConnections(analysis, gateway)), figure(() -> metrics(analysis, gateway)),
                    figure(() -> analysis.routeWrites().get(gateway)), figure(() -> isolation(analysis, gateway))));
        }
        String startedAt = f == null || f.journalEvents() == 0 ? null
                : Instant.ofEpochMilli(f.startedWallMillis()).toString();
        return new RunSummary(VERSION, f == null ? null : f.runId(), f == null ? null : f.scenario(),
                f == null ? null : f.scenarioFile(), f == null ? null : f.fixture(), f == null ? null : f.host(),
                f == null ? 0 : f.cores(), startedAt, f == null ? 0 : f.durationSeconds(), figure(analysis::outcome),
                f == null ? null : new JournalFacts(f.schema(), f.journalEvents(), f.truncatedTail(), f.unknownEvents()),
                f == null ? 0 : f.requiredSuccesses(), gateways,
                figure(() -> analysis.assertions().stream().map(AssertionResult::of).toList()), figure(analysis::notes),
                analysis.failures(), figure(analysis::diagnostics),
                figure(() -> List.copyOf(analysis.repetitions().values())), figure(() -> versions(analysis.versions())));
    }

    /** "run" and each gateway, in the order they ran, component to version (sorted); empty when none were recorded. */
    private static Map<String, Map<String, String>> versions(RunVersions versions) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        if (!versions.run().isEmpty()) {
            all.put("run", new TreeMap<>(versions.run()));
        }
        versions.gateways().keySet().stream().sorted().forEach(g -> all.put(g, new TreeMap<>(versions.of(g))));
        return all;
    }

    /** One gateway's activation: overall and per phase. */
    private record ActivationOfGateway(ActivationFigures overall, List<PhaseSummary> phases) {

        static ActivationOfGateway of(RunAnalysis analysis, String gateway) {
            List<PhaseSummary> phases = new ArrayList<>();
            for (PhaseActivation p : analysis.activation().get(gateway).phases()) {
                phases.add(new PhaseSummary(p.span().index(), p.span().phase(), p.span().kind(), p.span().plannedOps(),
                        p.span().startSeconds(), p.span().ended() ? p.span().endSeconds() : null, p.figures()));
            }
            return new ActivationOfGateway(analysis.activation().get(gateway).overall(), phases);
        }
    }

    /** A figure of the summary, or null when the analysis it comes from failed. */
    private static <T> T figure(Supplier<T> figure) {
        return RunAnalysis.orNull(figure);
    }

    private static List<ResourcePeaks> peaks(RunAnalysis analysis, String gateway) {
        return analysis.resources().get(gateway).components().values().stream()
                .map(c -> new ResourcePeaks(c.name(), c.samples().size(), c.peakRssBytes(), c.peakCpuPercent(),
                        c.peakProcesses(), c.peakWorkers(), c.peakDrainingWorkers())).toList();
    }

    private static List<MetricSummary> metrics(RunAnalysis analysis, String gateway) {
        GatewayMetrics metrics = analysis.metrics().get(gateway);
        return metrics.any() ? metrics.series().stream().map(MetricSummary::of).toList() : null;
    }

    private static List<IsolationSummary> isolation(RunAnalysis analysis, String gateway) {
        var checks = analysis.isolation().get(gateway).checks();
        return checks.isEmpty() ? null : checks.stream().map(IsolationSummary::of).toList();
    }

    private static LongConnectionSummary longConnections(RunAnalysis analysis, String gateway) {
        var figures = analysis.longConnections().gateways().get(gateway);
        return figures == null ? null : LongConnectionSummary.of(figures);
    }
}
