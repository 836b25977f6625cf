package org.gatewaybench.scenarios.run;

/** How a run ended, with the exit code the CLI returns for it. */
public enum RunOutcome {
    COMPLETED("completed", 0), FAILED("failed", 1), INTERRUPTED("interrupted", 130);

    private final String word;
    private final int exitCode;

    RunOutcome(String word, int exitCode) {
        this.word = word;
        this.exitCode = exitCode;
    }

    public String word() {
        return word;
    }

    public int exitCode() {
        return exitCode;
    }
}
