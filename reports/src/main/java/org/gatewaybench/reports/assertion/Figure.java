package org.gatewaybench.reports.assertion;

import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.analysis.AnalysisFailedException;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * A figure an assertion can bound: its name in scenarios and reports, the analysis it comes from
 * (its family), its unit and how to read it for one gateway.
 *
 * @param name   e.g. activation.p99
 * @param family the analysis that computes it, also its family in reports (Allure labels)
 * @param help   what it is, for `gateway-bench figures` and messages
 */
public record Figure(String name, Analysis family, Unit unit, String help, Reader reader) {

    /** Reads a figure of one gateway from a run's analyses. */
    @FunctionalInterface
    public interface Reader {
        /** The figure of {@code gateway}; the gateway is one of the run's. */
        Measured read(RunAnalysis analysis, String gateway);
    }

    /** The figure of {@code gateway} in {@code analysis}: not measured when the gateway did not run or an analysis failed. */
    public Measured read(RunAnalysis analysis, String gateway) {
        try {
            if (!analysis.gateways().contains(gateway)) {
                return Measured.none("gateway " + gateway + " is not in this run");
            }
            return reader.read(analysis, gateway);
        } catch (AnalysisFailedException e) {
            return Measured.none(e.failure().describe());
        }
    }
}
