package org.gatewaybench.reports.assertion;

import java.util.List;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * A bound on a figure that a run must meet, for every gateway or the ones named.
 *
 * @param gateways the gateways it applies to; empty for all
 */
public record Assertion(Figure figure, Bound bound, List<String> gateways) {

    public Assertion {
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
    }

    /**
     * The assertion that {@code figure} of each of {@code gateways} (all when empty) is within {@code bound}.
     *
     * @throws InvalidAssertionException for an unknown figure, or a bound that does not fit it
     */
    public static Assertion of(String figure, String bound, List<String> gateways) {
        Figure f = Figures.require(figure);
        return new Assertion(f, Bound.parse(bound, f.unit()), gateways);
    }

    public boolean appliesTo(String gateway) {
        return gateways.isEmpty() || gateways.contains(gateway);
    }

    /** Judges the figure of {@code gateway} in {@code analysis}; a figure the run does not have fails. */
    public AssertionResult evaluate(RunAnalysis analysis, String gateway) {
        Measured m = figure.read(analysis, gateway);
        boolean passed = m.value() != null && bound.holds(m.value());
        return new AssertionResult(gateway, figure.name(), bound.text(), m.value(), figure.unit().symbol(), passed,
                m.detail());
    }

    /** "activation.p99 <= 5s". */
    @Override
    public String toString() {
        return figure.name() + " " + bound.text() + (gateways.isEmpty() ? "" : " on " + String.join(", ", gateways));
    }
}
