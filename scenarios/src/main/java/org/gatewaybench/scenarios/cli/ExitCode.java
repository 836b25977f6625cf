package org.gatewaybench.scenarios.cli;

import org.gatewaybench.core.journal.RunOutcome;

/** The exit codes of the command line, one place for all of them (documented in the README). */
public final class ExitCode {

    public static final int OK = 0;
    /** A run failed, or a command could not do its work (a file it cannot read, a regression found by compare). */
    public static final int FAILED = 1;
    /** Bad input: a scenario or option that does not validate; nothing was started. */
    public static final int BAD_INPUT = 2;
    /** Stopped by a signal (Ctrl-C): 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    /** The exit code of a run that ended with {@code outcome}. */
    public static int of(RunOutcome outcome) {
        return switch (outcome) {
            case COMPLETED -> OK;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
