package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.RepetitionFigures;

/**
 * Each gateway's figures over its repetitions: the journal's gateways grouped by driver
 * ({@code a#1}, {@code a#2} are repetitions of {@code a}; a journal without repetitions has one
 * per gateway), each figure's median and its 95% interval, resampled over repetitions and routes.
 * Computed from the other analyses' figures, after the journal's one replay.
 */
final class RepetitionAnalysis {

    private RepetitionAnalysis() {
    }

    /** Per driver, in the order their first repetition ran. */
    static Map<String, GatewayRepetitions> of(RunLayout layout, Map<String, GatewayActivation> activation,
                                              Optional<LongConnectionAnalysis.Figures> connections) {
        Map<String, List<RepetitionFigures>> byGateway = new LinkedHashMap<>();
        for (String name : layout.gateways()) {
            GatewayActivation a = activation.get(name);
            Long drops = connections.map(c -> c.gateways().get(name)).map(LongConnectionAnalysis.GatewayFigures::drops)
                    .orElse(null);
            byGateway.computeIfAbsent(Repetition.of(name).gateway(), g -> new ArrayList<>())
                    .add(new RepetitionFigures(name, a.activationHistogram(), a.firstAnswerHistogram(),
                            a.deactivationHistogram(), a.overall().neverActivated(), a.overall().errorPolls(), drops));
        }
        Map<String, GatewayRepetitions> out = new LinkedHashMap<>();
        byGateway.forEach((gateway, repetitions) -> out.put(gateway, GatewayRepetitions.of(gateway, repetitions)));
        return Collections.unmodifiableMap(out);
    }
}
