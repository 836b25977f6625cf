package org.gatewaybench.reports.allure;

import io.qameta.allure.model.Status;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.reports.analysis.HarnessLagFigures;
import org.gatewaybench.reports.analysis.PhaseSpan;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunEnding;
import org.gatewaybench.reports.analysis.RunLayout;
import org.gatewaybench.core.route.PhaseKind;

/**
 * How one gateway's run went, as an Allure status and a message whose first words name its
 * category ({@link Categories}): passed; skipped (the run ended before it); broken because the
 * gateway never got ready, the harness fell behind, or the run failed or was interrupted while
 * measuring it.
 */
record GatewayVerdict(Status status, String message) {

    static GatewayVerdict of(RunAnalysis analysis, String gateway) {
        RunLayout layout = analysis.layout();
        RunEnding ending = RunAnalysis.orNull(analysis::outcome);
        String why = ending == null ? "the run's end is unknown" : ending.reason() != null ? ending.reason()
                : "the run was " + ending.status().word();
        if (layout.wallSpan(gateway)[0] == 0) {
            return new GatewayVerdict(Status.SKIPPED, "not run: the run ended before this gateway (" + why + ")");
        }
        if (layout.stopped(gateway)) {
            HarnessLagFigures lag = RunAnalysis.orNull(() -> analysis.harnessLag().get(gateway));
            if (lag != null && lag.reports() > 0) {
                return new GatewayVerdict(Status.BROKEN, Categories.HARNESS_PROBLEM + ": the harness fell behind "
                        + (lag.reports() == 1 ? "once" : lag.reports() + " times") + ", up to "
                        + Math.round(lag.maxLagNanos() / 1e6) + " ms late; these figures include harness delay");
            }
            return new GatewayVerdict(Status.PASSED, null);
        }
        boolean churned = layout.phases(gateway).stream().map(PhaseSpan::kind).anyMatch(k -> k != PhaseKind.SETUP);
        if (layout.dataPlane(gateway) == null || !churned) {
            return new GatewayVerdict(Status.BROKEN, Categories.NEVER_READY + ": " + why);
        }
        boolean interrupted = ending == null || ending.status() == RunOutcome.INTERRUPTED;
        return new GatewayVerdict(Status.BROKEN, Categories.RUN_ENDED + ": the run " + (interrupted ? "was interrupted"
                : "failed") + " while measuring this gateway: " + why);
    }
}
