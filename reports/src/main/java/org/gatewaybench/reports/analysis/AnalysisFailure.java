package org.gatewaybench.reports.analysis;

/**
 * Why one analysis of a run has no figures.
 *
 * @param message what went wrong: the exception's message, or which analysis it needed failed
 * @param line    the journal line of the event it failed at; 0 when it failed at no one event
 */
public record AnalysisFailure(Analysis analysis, String message, long line) {

    /** The failure of {@code analysis} with {@code error}, at journal line {@code line} (0: none). */
    static AnalysisFailure of(Analysis analysis, RuntimeException error, long line) {
        if (error instanceof AnalysisFailedException needed) {
            return new AnalysisFailure(analysis, "needs the " + needed.failure().analysis().word()
                    + " analysis, which failed", 0);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new AnalysisFailure(analysis, message, line);
    }

    /** "the activation analysis failed: message (journal line 12)". */
    public String describe() {
        return "the " + analysis.word() + " analysis failed: " + message + (line > 0 ? " (journal line " + line + ")" : "");
    }
}
