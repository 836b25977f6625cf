package org.gatewaybench.scenarios.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run has started, closed in reverse order exactly once: by the run itself when it ends, or
 * by the Ctrl-C hook when it is interrupted, whichever comes first. Close failures are collected,
 * not thrown, so one stuck component cannot keep the others running.
 */
final class Teardown {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closed;

    /** Registers {@code c} to be closed; if the run is already torn down, closes it at once. */
    <T extends AutoCloseable> T add(T c) {
        boolean late;
        synchronized (this) {
            late = closed;
            if (!late) {
                started.push(c);
            }
        }
        if (late) {
            closeQuietly(c);
        }
        return c;
    }

    /** Closes {@code c} now and forgets it. */
    void closeNow(AutoCloseable c) {
        synchronized (this) {
            if (!started.remove(c)) {
                return;
            }
        }
        closeQuietly(c);
    }

    /** Closes everything registered, newest first. Later calls do nothing. */
    void closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                closed = true;
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("warning: while stopping " + c + ": " + e.getMessage());
        }
    }
}
