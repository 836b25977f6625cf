package org.gatewaybench.reports.analysis;

/** Asked for the figures of an analysis that failed: the report part that asked shows why instead. */
public final class AnalysisFailedException extends RuntimeException {

    private final transient AnalysisFailure failure;

    AnalysisFailedException(AnalysisFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    public AnalysisFailure failure() {
        return failure;
    }
}
