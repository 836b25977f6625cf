package org.gatewaybench.core.process;

import java.util.Optional;

/**
 * One process, named so that a later process with the same pid is not mistaken for it: its pid
 * and its start time in clock ticks since boot ({@code /proc/PID/stat} field 22). Within one boot
 * no two processes share both.
 */
public record ProcessIdentity(long pid, long startTicks) {

    /** The process {@code pid} as it runs now; empty when there is none. */
    public static Optional<ProcessIdentity> of(long pid) {
        return StatLine.read(pid).map(s -> new ProcessIdentity(pid, s.startTicks()));
    }

    /** This JVM. */
    public static ProcessIdentity current() {
        long pid = ProcessHandle.current().pid();
        return of(pid).orElseThrow(() -> new IllegalStateException("no /proc entry for this process " + pid));
    }

    /** Whether this very process still runs (not exited, and its pid not taken by another process). */
    public boolean isRunning() {
        return StatLine.read(pid).filter(s -> s.startTicks() == startTicks && !s.exited()).isPresent();
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
