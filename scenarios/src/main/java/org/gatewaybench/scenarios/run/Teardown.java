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
    private volatile boolean failed;

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

    /**
     * Closes everything registered, newest first, and returns whether all of it closed without a
     * failure (also the earlier {@link #closeNow} ones). Later calls close nothing.
     */
    boolean closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                closed = true;
                next = started.poll();
            }
            if (next == null) {
                return !failed;
            }
            closeQuietly(next);
        }
    }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            failed = true;
            System.err.println("warning: while stopping " + c + ": " + e.getMessage());
        }
    }
}
