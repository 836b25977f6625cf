package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;

/**
 * One injected fault of one gateway and how the gateway came through it. Times are seconds since
 * the gateway started; NaN where a figure does not exist (no heal, no traffic, nothing pending).
 * "Around" the fault means from its start to the next fault's start (or the end of the gateway's
 * run); "before" from the previous fault's heal (or the start) to this one's start.
 *
 * @param healSeconds               when the heal ended; NaN when the journal has no heal
 * @param outageStartSeconds        the first error signal (traffic error, error poll, connection
 *                                  drop) at or after the fault's start
 * @param outageEndSeconds          the last error signal around the fault
 * @param trafficRecoverySeconds    from the heal until traffic errors stopped (0 when they stopped
 *                                  before the heal); resolution one traffic window
 * @param activationRecoverySeconds from the heal until the first write still pending at the heal
 *                                  was activated; NaN when none was pending
 * @param dropsStopSeconds          from the heal to the last connection drop around the fault
 *                                  (0 when the drops stopped before the heal); NaN without drops
 * @param baselineActivationP50Ms   activation p50 of writes acknowledged before the fault
 * @param duringActivationP50Ms     activation p50 of writes acknowledged during the fault
 * @param duringActivationMaxMs     the slowest activation of a write acknowledged during the fault
 */
public record FaultRecovery(int fault, FaultAction action, FaultTarget target, String detail, double startSeconds,
                            double healSeconds, boolean healOk, String healDetail,
                            double outageStartSeconds, double outageEndSeconds,
                            double trafficRecoverySeconds, double activationRecoverySeconds, double dropsStopSeconds,
                            long trafficErrorsBefore, long trafficErrorsDuring, long trafficErrorsAfter,
                            long errorPollsBefore, long errorPollsDuring, long errorPollsAfter,
                            long dropsDuring, long dropsAfter,
                            double baselineActivationP50Ms, double duringActivationP50Ms, double duringActivationMaxMs,
                            long writesDuring) {

    /** Whether the heal is in the journal. */
    public boolean healed() {
        return !Double.isNaN(healSeconds);
    }

    /** How long the data plane showed errors around the fault; 0 without error signals. */
    public double outageSeconds() {
        return Double.isNaN(outageStartSeconds) ? 0 : outageEndSeconds - outageStartSeconds;
    }

    /** "kill data-plane". */
    public String describe() {
        return action.word() + " " + target.word();
    }
}
