package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.scenarios.run.LabRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two lab faults ChaosRunTest does not cover, on real processes: squeezing nginx's memory makes
 * its reloads fail while the old workers keep serving; partitioning the controller from the route
 * API holds every change back until the heal.
 */
class LabFaultKindsTest {

    @TempDir
    Path dir;

    @Test
    void squeezedNginxFailsItsReloadsAndRecoversAfterTheHeal() throws Exception {
        Run run = LabRuns.run(dir, """
                name: squeeze
                tenants: 3
                backends: 2
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
                      duration: 10s
                probe:
                  pollInterval: 20ms
                  timeout: 15s
                chaos:
                  - at: 3s
                    action: squeeze
                    target: data-plane
                    memory: 12Mi
                    duration: 3s
                """);
        assertThat(run.result().outcome()).as(run.result().reason() + "\n" + run.console())
                .isEqualTo(RunOutcome.COMPLETED);
        Events.FaultStarted fault = run.history().select(Events.FaultStarted.class).toList().get(0);
        Events.FaultHealed heal = run.history().select(Events.FaultHealed.class).toList().get(0);
        assertThat(heal.ok()).as(heal.detail()).isTrue();
        List<Events.ConfigApplyEnded> during = run.history().select(Events.ConfigApplyEnded.class)
                .filter(e -> e.at().mono() > fault.at().mono() && e.at().mono() < heal.at().mono()).toList();
        assertThat(during).as("reloads while squeezed").isNotEmpty()
                .anySatisfy(e -> assertThat(e.ok()).as("a reload that nginx could not allocate for").isFalse());
        // Every write still goes live: the ones of the squeeze after the heal.
        assertThat(run.analysis().activation().get("lab-nginx-reload").ops())
                .filteredOn(v -> v.expectsPresent() && v.state() != OpVerdict.State.SUPERSEDED)
                .allSatisfy(v -> assertThat(v.state()).isEqualTo(OpVerdict.State.REACHED));
    }

    @Test
    void aControllerCutOffFromTheRouteApiAppliesNothingUntilTheHeal() throws Exception {
        Run run = LabRuns.run(dir, """
                name: partition
                tenants: 3
                backends: 2
                gateways:
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - kind: steady
                      rate: 10
                      population: 20
                      duration: 9s
                probe:
                  pollInterval: 10ms
                  timeout: 15s
                chaos:
                  - at: 3s
                    action: partition
                    target: controller
                    duration: 3s
                """);
        assertThat(run.result().outcome()).as(run.result().reason() + "\n" + run.console())
                .isEqualTo(RunOutcome.COMPLETED);
        long start = run.history().select(Events.FaultStarted.class).toList().get(0).at().mono();
        long healed = run.history().select(Events.FaultHealed.class).toList().get(0).at().mono();
        // The heal releases the held changes before its event is journaled, so the apply they make may
        // start a moment before that stamp: the partition is judged with 200 ms of margin at both ends.
        long margin = 200_000_000L;
        assertThat(run.history().select(Events.ConfigApplyStarted.class)
                .filter(a -> a.at().mono() > start + margin && a.at().mono() < healed - margin)).isEmpty();
        // Changes acknowledged well inside the partition reach the data plane only at the heal.
        // (Creates are judged: an update may move a route back to the backend the data plane still has.)
        long gatewayStart = run.history().select(Events.GatewayStarted.class).findFirst().orElseThrow().at().mono();
        List<OpVerdict> cutOff = run.analysis().activation().get("lab-haproxy-runtime").ops().stream()
                .filter(v -> v.kind() == OpKind.CREATE && v.state() == OpVerdict.State.REACHED)
                .filter(v -> {
                    long ack = gatewayStart + Math.round(v.ackedSeconds() * 1e9);
                    return ack > start + margin && ack < healed - margin;
                }).toList();
        assertThat(cutOff).as("routes created during the partition").isNotEmpty().allSatisfy(v -> {
            long ack = gatewayStart + Math.round(v.ackedSeconds() * 1e9);
            assertThat(ack + v.latencyNanos()).as("%s went live only at the heal", v.route())
                    .isGreaterThanOrEqualTo(healed - margin);
        });
    }
}
