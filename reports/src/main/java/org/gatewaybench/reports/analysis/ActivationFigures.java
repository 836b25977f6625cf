package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Activation figures of one scope: a whole gateway or one of its phases.
 *
 * @param ops              writes sent
 * @param failedOps        writes the route API refused
 * @param unacknowledged   writes with no answer of the route API in the journal
 * @param unresolved       acknowledged writes with no verdict when the journal ends
 * @param superseded       acknowledged writes with no verdict because a later write to the same route
 *                         replaced them before the data plane showed them (the probe judges the newest)
 * @param activation       latency from t0 to activation of created and updated routes
 * @param neverActivated   created or updated routes the probe gave up on
 * @param deactivation     latency from t0 to the end of deleted routes
 * @param neverDeactivated deleted routes the probe gave up on
 * @param errorPolls       probe answers that were errors (5xx, reset, timeout, wrong backend)
 * @param errorsByKind     error answers by kind, see {@link ActivationAnalysis#errorKind}
 * @param resolution       interval of the polls that decided each latency: the figures' precision
 * @param churnLag         how late writes left against the churn schedule
 * @param firstAnswer      latency from t0 to the first correct answer of created and updated routes
 *                         (gateway-api-bench's rule), also of those that never made it to the full
 *                         streak; null in summaries written before it was computed
 */
public record ActivationFigures(long ops, long failedOps, long unacknowledged, long unresolved, long superseded,
                                LatencyStats activation, long neverActivated,
                                LatencyStats deactivation, long neverDeactivated,
                                long errorPolls, Map<String, Long> errorsByKind,
                                LatencyStats resolution, LatencyStats churnLag, LatencyStats firstAnswer) {

    public ActivationFigures {
        errorsByKind = Collections.unmodifiableMap(new TreeMap<>(errorsByKind)); // sorted by kind
    }
}
