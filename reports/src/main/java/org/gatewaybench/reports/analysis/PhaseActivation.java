package org.gatewaybench.reports.analysis;

/** The activation figures of one churn phase. */
public record PhaseActivation(PhaseSpan span, ActivationFigures figures) {
}
