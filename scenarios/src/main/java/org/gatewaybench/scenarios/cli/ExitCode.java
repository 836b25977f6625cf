package org.gatewaybench.scenarios.cli;

import org.gatewaybench.core.journal.RunOutcome;

/** The exit codes of the command line, one place for all of them (documented in the README). */
public final class ExitCode {

    public static final int OK = 0;
    /** A run failed, or a command could not do its work (a file it cannot read, a regression found by compare). */
    public static final int FAILED = 1;
    /** Bad input: a scenario or option that does not validate; nothing was started. */
    public static final int BAD_INPUT = 2;
    /** A run completed, but a gateway missed a bound of the scenario's assertions (every report shows which). */
    public static final int ASSERTION_FAILED = 3;
    /** Stopped by a signal (Ctrl-C): 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    /** The exit code of a run that ended with {@code outcome}, with {@code assertionFailed} when one did. */
    public static int of(RunOutcome outcome, boolean assertionFailed) {
        return switch (outcome) {
            case COMPLETED -> assertionFailed ? ASSERTION_FAILED : OK;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
