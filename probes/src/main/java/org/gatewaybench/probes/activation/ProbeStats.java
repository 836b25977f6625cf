package org.gatewaybench.probes.activation;

/**
 * Live counters of an {@link ActivationProbe}, for progress output. Figures of a report come from
 * the journal, never from these.
 *
 * @param activated routes that reached their expected present state
 * @param deactivated routes that reached their expected absent state
 * @param pending expectations still being polled
 * @param errors polls classified as errors (5xx, resets, timeouts, wrong backends)
 * @param gaveUp expectations that timed out
 * @param pollsSent requests sent to the data plane
 * @param intervalNanos the per-route poll interval the budget allows now:
 *     max(pollInterval, pending / maxRequestsPerSecond)
 * @param observedIntervalNanos a moving average of the intervals actually journaled (0 before any)
 * @param lagNanos how late the most overdue pending poll was at the last scheduling pass
 */
public record ProbeStats(long activated, long deactivated, int pending, long errors, long gaveUp, long pollsSent,
                         long intervalNanos, long observedIntervalNanos, long lagNanos) {
}
