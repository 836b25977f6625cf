package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.scenarios.run.LabRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on real lab processes through the real runner: the journal shows each fault, its heal and
 * the gateway's recovery as the report computes it. Tolerances are generous: a loaded 2-core CI
 * machine stretches every time here.
 */
class ChaosRunTest {

    @TempDir
    Path dir;

    @Test
    void killingTheLabNginxIsADataPlaneOutageWhoseRestartAndRecoveryAreMeasured() throws Exception {
        Run run = LabRuns.run(dir, """
                name: kill
                tenants: 3
                backends: 2
                stableRoutes: 2
                gateways:
                  - name: lab-nginx-reload
                    options:
                      syncRateLimit: 300ms
                      workerShutdownTimeout: 2s
                churn:
                  phases:
                    - kind: steady
                      rate: 10
                      population: 20
                      duration: 12s
                probe:
                  pollInterval: 20ms
                  timeout: 15s
                traffic:
                  rate: 40
                  requestTimeout: 1s
                chaos:
                  - at: 4s
                    action: kill
                    target: data-plane
                    duration: 2s
                """);
        assertThat(run.result().outcome()).as(run.result().reason() + "\n" + run.console()).isEqualTo(RunOutcome.COMPLETED);
        List<Events.FaultStarted> started = run.history().select(Events.FaultStarted.class).toList();
        assertThat(started).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(FaultAction.KILL);
            assertThat(f.target()).isEqualTo(FaultTarget.DATA_PLANE);
            assertThat(f.detail()).startsWith("SIGKILL nginx master");
        });
        assertThat(run.history().select(Events.FaultHealed.class).toList()).singleElement()
                .satisfies(h -> assertThat(h.ok()).as(h.detail()).isTrue());

        FaultRecovery f = run.analysis().faults().get("lab-nginx-reload").faults().get(0);
        assertThat(f.healSeconds() - f.startSeconds()).as("down for the scenario's 2 s").isBetween(1.9, 4.0);
        assertThat(f.trafficErrorsDuring()).as("requests fail while nginx is down").isPositive();
        assertThat(f.errorPollsDuring()).as("the activation probe's polls fail too").isPositive();
        assertThat(f.outageSeconds()).as("the outage spans the time nginx was down").isBetween(1.0, 6.0);
        assertThat(f.trafficRecoverySeconds()).as("traffic answers again soon after the restart").isBetween(0.0, 3.0);
        assertThat(f.activationRecoverySeconds()).as("writes pending at the restart activate soon after it")
                .isBetween(0.0, 5.0);
        assertThat(f.trafficErrorsBefore()).as("no errors before the fault").isZero();

        GatewayTraffic traffic = run.analysis().traffic().get("lab-nginx-reload");
        List<GatewayTraffic.Window> afterRecovery = traffic.windows().stream()
                .filter(w -> w.startSeconds() > f.outageEndSeconds() + 1).toList();
        assertThat(afterRecovery).as("traffic after the recovery").isNotEmpty()
                .allSatisfy(w -> assertThat(w.ko()).as("errors back to the baseline of zero").isZero());
        assertThat(Files.readString(run.result().runDir().resolve("report.html")))
                .contains("Faults and recovery").contains("#1 kill data-plane");
    }

    @Test
    void freezingTheLabControllerDelaysActivationByAboutTheFreeze() throws Exception {
        Run run = LabRuns.run(dir, """
                name: freeze
                tenants: 3
                backends: 2
                gateways:
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - kind: steady
                      rate: 20
                      population: 30
                      duration: 9s
                probe:
                  pollInterval: 20ms
                  timeout: 15s
                chaos:
                  - at: 3s
                    action: freeze
                    target: controller
                    duration: 3s
                """);
        assertThat(run.result().outcome()).as(run.result().reason() + "\n" + run.console()).isEqualTo(RunOutcome.COMPLETED);
        FaultRecovery f = run.analysis().faults().get("lab-haproxy-runtime").faults().get(0);
        assertThat(f.describe()).isEqualTo("freeze controller");
        double freezeMs = (f.healSeconds() - f.startSeconds()) * 1000;
        assertThat(freezeMs).isBetween(2900.0, 4000.0);
        // The first write after the freeze began waits out the whole freeze: the slowest activation of
        // the writes during the freeze is the freeze's length, within -500 ms / +1500 ms.
        assertThat(f.writesDuring()).isGreaterThan(20);
        assertThat(f.duringActivationMaxMs()).isBetween(freezeMs - 500, freezeMs + 1500);
        assertThat(f.baselineActivationP50Ms()).as("before the freeze routes activate at once").isLessThan(500);
        // Nothing written during the freeze went live before the resume (a batch the controller had
        // already taken when the freeze began may finish: 200 ms of grace at the start).
        List<OpVerdict> heldBack = run.analysis().activation().get("lab-haproxy-runtime").ops().stream()
                // Creates only: an update may keep its backend, which the data plane shows at once.
                .filter(v -> v.kind() == OpKind.CREATE && v.state() == OpVerdict.State.REACHED
                        && v.ackedSeconds() > f.startSeconds() + 0.2 && v.ackedSeconds() < f.healSeconds())
                .toList();
        assertThat(heldBack).isNotEmpty().allSatisfy(v -> assertThat(v.ackedSeconds() + v.latencyNanos() / 1e9)
                .as("activation of " + v.route()).isGreaterThan(f.healSeconds() - 0.05));
        assertThat(f.activationRecoverySeconds()).as("the held writes activate right after the resume")
                .isBetween(0.0, 1.5);
        assertThat(run.analysis().activation().get("lab-haproxy-runtime").overall().neverActivated()).isZero();
    }
}
