package org.gatewaybench.reports.assertion;

import java.util.Optional;
import org.gatewaybench.core.journal.Events;

/**
 * How one gateway fared against one assertion: an entry of summary.json's {@code assertions}.
 *
 * @param bound    the bound as the scenario wrote it, e.g. "<= 5s"
 * @param measured the figure in its base {@code unit}; null when the run has no such figure
 * @param unit     ns, bytes, %, count or number
 * @param detail   what the figure was taken over, or why it is missing; may be null
 */
public record AssertionResult(String gateway, String figure, String bound, Double measured, String unit,
                              boolean passed, String detail) {

    /** The result as the runner journaled it. */
    public static AssertionResult of(Events.AssertionEvaluated e) {
        return new AssertionResult(e.gateway(), e.figure(), e.bound(), e.measured(), e.unit(), e.passed(), e.detail());
    }

    /** The measured value as people read it (1.24 s, 38.2 MiB), or "not measured". */
    public String measuredText() {
        if (measured == null) {
            return "not measured";
        }
        return unitOf().map(u -> u.format(measured)).orElse(measured + " " + unit);
    }

    /** "passed" or "failed". */
    public String verdict() {
        return passed ? "passed" : "failed";
    }

    /** "lab-nginx-reload: activation.p99 = 1.35 s, bound <= 50ms: failed". */
    public String describe() {
        return gateway + ": " + figure + " = " + measuredText() + ", bound " + bound + ": " + verdict()
                + (detail == null ? "" : " (" + detail + ")");
    }

    private Optional<Unit> unitOf() {
        for (Unit u : Unit.values()) {
            if (u.symbol().equals(unit)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
