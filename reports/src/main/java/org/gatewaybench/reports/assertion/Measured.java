package org.gatewaybench.reports.assertion;

/**
 * A figure of one gateway as read from a run's analyses.
 *
 * @param value  in the figure's base unit; null when the run has no such figure
 * @param detail what the figure was taken over ("of 1200 activated routes"), or why it is missing
 */
public record Measured(Double value, String detail) {

    static Measured of(double value, String detail) {
        return new Measured(value, detail);
    }

    /** The run has no such figure, for the reason given. */
    static Measured none(String why) {
        return new Measured(null, "not measured: " + why);
    }
}
