package org.gatewaybench.reports.analysis;

/**
 * One data-plane config apply.
 *
 * @param startSeconds  when it started, in seconds since the gateway started
 * @param durationNanos from start to end; -1 when the journal holds no end
 * @param ok            whether the config came into force (false also when unfinished)
 * @param detail        the driver's words on a failed apply, or null
 */
public record ConfigApply(long apply, String mechanism, int routes, int changes, double startSeconds,
                          long durationNanos, boolean ok, String detail) {

    public boolean finished() {
        return durationNanos >= 0;
    }
}
