package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.RunOutcome;

/**
 * All analyses of one run: a pure function of its history, the only input of every report writer.
 *
 * @param metrics         the gateways' own metrics; a gateway without scraped metrics has no series
 * @param longConnections the long-connection probe's figures; without gateways when the run held none
 */
public record RunAnalysis(RunFacts facts, RunEnding outcome, RunLayout layout,
                          Map<String, GatewayActivation> activation, Map<String, GatewayConfigApplies> configApplies,
                          Map<String, HarnessLagFigures> harnessLag, Map<String, GatewayTraffic> traffic,
                          Map<String, GatewayResources> resources, Map<String, GatewayMetrics> metrics,
                          Map<String, GatewayFaults> faults,
                          List<ReportNote> notes, LongConnectionAnalysis.Figures longConnections) {

    public RunAnalysis {
        // Copies keep the gateway order: every report lists gateways in the order they ran.
        activation = Collections.unmodifiableMap(new LinkedHashMap<>(activation));
        configApplies = Collections.unmodifiableMap(new LinkedHashMap<>(configApplies));
        harnessLag = Collections.unmodifiableMap(new LinkedHashMap<>(harnessLag));
        traffic = Collections.unmodifiableMap(new LinkedHashMap<>(traffic));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        faults = Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        notes = List.copyOf(notes);
    }

    public static RunAnalysis of(History history) {
        RunLayout layout = RunLayout.of(history);
        int required = requiredSuccesses(history);
        Map<String, GatewayActivation> activation = ActivationAnalysis.analyze(history, layout, required);
        Map<String, GatewayConfigApplies> applies = ConfigApplyAnalysis.analyze(history, layout);
        Map<String, HarnessLagFigures> lag = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            lag.put(gateway, HarnessLagFigures.of(history, gateway));
        }
        RunEnding outcome = RunEnding.of(history);
        Map<String, GatewayTraffic> traffic = GatewayTraffic.analyze(history, layout);
        return new RunAnalysis(RunFacts.of(history, layout, required), outcome, layout, activation, applies, lag,
                traffic, GatewayResources.analyze(history, layout), GatewayMetrics.analyze(history, layout),
                FaultAnalysis.analyze(history, layout, activation, traffic), notes(history, layout, outcome, activation, lag),
                LongConnectionAnalysis.analyze(history, layout));
    }

    /** Gateways in the order they ran. */
    public List<String> gateways() {
        return layout.gateways();
    }

    /**
     * How many OK answers in a row made a route active in this run: the probe's rule as journaled,
     * or the Gateway API conformance rule for a journal without run-started.
     */
    public static int requiredSuccesses(History history) {
        return history.runStarted().map(Events.RunStarted::probe).orElseGet(ProbeRule::conformance)
                .consecutiveSuccesses();
    }

    private static List<ReportNote> notes(History history, RunLayout layout, RunEnding outcome,
                                          Map<String, GatewayActivation> activation,
                                          Map<String, HarnessLagFigures> lag) {
        List<ReportNote> notes = new ArrayList<>();
        if (!outcome.completed()) {
            notes.add(new ReportNote(NoteLevel.WARNING, null, "The run did not complete (" + outcome.status()
                    + (outcome.reason() == null ? "" : ": " + outcome.reason()) + ")."));
        }
        if (history.runStarted().isEmpty()) {
            notes.add(new ReportNote(NoteLevel.WARNING, null, "The journal has no run-started event; run facts are unknown."));
        }
        if (history.truncatedTail()) {
            notes.add(new ReportNote(NoteLevel.WARNING, null, "The journal ends in a partial line: the run was cut short "
                    + "and the figures cover the events before it."));
        }
        if (history.unknownEvents() > 0) {
            notes.add(new ReportNote(NoteLevel.INFO, null, history.unknownEvents()
                    + " events of types this version does not know were skipped."));
        }
        for (String gateway : layout.gateways()) {
            ActivationFigures f = activation.get(gateway).overall();
            if (f.unresolved() > 0) {
                notes.add(new ReportNote(NoteLevel.WARNING, gateway, f.unresolved() + " acknowledged writes have no verdict: "
                        + "the journal ends before their activation or the probe giving up."));
            }
            if (f.unacknowledged() > 0) {
                notes.add(new ReportNote(NoteLevel.WARNING, gateway, f.unacknowledged()
                        + " writes were sent but the journal holds no answer of the route API."));
            }
            HarnessLagFigures l = lag.get(gateway);
            if (l.reports() > 0) {
                notes.add(new ReportNote(NoteLevel.WARNING, gateway, String.format(Locale.ROOT,
                        "The harness fell behind %s (%s): up to %.1f ms late with %d items waiting; "
                                + "these figures include harness delay.",
                        l.reports() == 1 ? "once" : l.reports() + " times", l.components().stream().map(HarnessComponent::word).collect(Collectors.joining(", ")),
                        l.maxLagNanos() / 1e6, l.maxBacklog())));
            }
        }
        history.select(Events.Note.class).forEach(n -> notes.add(new ReportNote(n.level(), n.gateway(), n.message())));
        return notes;
    }
}
