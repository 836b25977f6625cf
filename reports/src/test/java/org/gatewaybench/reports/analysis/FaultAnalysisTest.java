package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.fault.FaultAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaybench.reports.Journals.at;
import static org.gatewaybench.reports.Journals.nanos;

import java.io.IOException;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.junit.jupiter.api.Test;

/** Recovery figures from a journal of a data-plane kill: outage, recovery after heal, errors before/during/after. */
class FaultAnalysisTest {

    private static final String G = "lab-nginx-reload";

    /** One traffic window [fromMs, fromMs + 1000) with {@code ko} failures of {@code requests}. */
    private static Events.TrafficWindow window(double fromMs, long requests, long ko) {
        return new Events.TrafficWindow(at(fromMs + 1000), G, nanos(fromMs), nanos(fromMs + 1000), requests,
                requests - ko, ko, Map.of("200", requests - ko, "no-answer", ko), 0, 1, 3, 5);
    }

    @Test
    void aKilledDataPlaneShowsItsOutageAndItsRecoveryAfterTheHeal() throws IOException {
        Journals j = new Journals().runStarted(G).gatewayStarted(G, 0);
        for (int s = 0; s < 20; s++) {
            // Traffic fails from 5 s (kill) until 8 s: the heal at 7.5 s takes half a second to show.
            j.append(window(s * 1000.0, 50, s >= 5 && s < 8 ? 50 : 0));
        }
        // Baseline write: acked at 2 s, active after 100 ms.
        j.write(G, 1, "create", 2000).polls(G, 1, 2050, 50, "ok", "ok", "ok");
        // Written during the fault at 6 s; errors while down; activated at 8.2 s.
        j.write(G, 2, "create", 6000).poll(G, 2, "present", "error", 6100, 0, 0, "connection refused")
                .poll(G, 2, "present", "error", 7000, 900, 0, "connection refused")
                .polls(G, 2, 8200, 50, "ok", "ok", "ok");
        // A stray error poll long after: not part of the outage.
        j.write(G, 3, "create", 14_000).poll(G, 3, "present", "error", 14_100, 0, 502, "bad gateway")
                .polls(G, 3, 14_200, 50, "ok", "ok", "ok");
        j.append(new Events.FaultStarted(at(5000), G, 1, FaultAction.KILL, FaultTarget.DATA_PLANE, "SIGKILL nginx"));
        j.append(new Events.FaultHealed(at(7500), G, 1, true, "restarted"));
        j.runEnded(21_000);

        RunAnalysis analysis = RunAnalysis.of(j.history());
        GatewayFaults faults = analysis.faults().get(G);
        assertThat(faults.faults()).hasSize(1);
        FaultRecovery f = faults.faults().get(0);
        assertThat(f.describe()).isEqualTo("kill data-plane");
        assertThat(f.startSeconds()).isCloseTo(5.0, within(0.01));
        assertThat(f.healSeconds()).isCloseTo(7.5, within(0.01));
        assertThat(f.healOk()).isTrue();
        assertThat(f.outageStartSeconds()).isCloseTo(5.0, within(0.01));
        assertThat(f.outageEndSeconds()).as("the last failing window ends at 8 s; the stray error at 14 s is apart")
                .isCloseTo(8.0, within(0.01));
        assertThat(f.trafficRecoverySeconds()).isCloseTo(0.5, within(0.01));
        assertThat(f.activationRecoverySeconds()).as("write 2 pending at the heal, active at 8.2 s")
                .isCloseTo(0.7, within(0.01));
        assertThat(f.trafficErrorsBefore()).isZero();
        assertThat(f.trafficErrorsDuring()).as("windows ending in (5 s, 7.5 s]: 6 s, 7 s").isEqualTo(100);
        assertThat(f.trafficErrorsAfter()).as("the window ending at 8 s").isEqualTo(50);
        assertThat(f.errorPollsDuring()).isEqualTo(2);
        assertThat(f.errorPollsAfter()).isEqualTo(1);
        assertThat(f.baselineActivationP50Ms()).isCloseTo(50, within(1.0));
        assertThat(f.duringActivationP50Ms()).isCloseTo(2200, within(1.0));
        assertThat(f.writesDuring()).isEqualTo(1);
        assertThat(f.dropsStopSeconds()).isNaN();

        String html = HtmlReportWriter.render(analysis);
        assertThat(html).contains("Faults and recovery").contains("#1 kill data-plane").contains("fault-span")
                .contains("Traffic to stable routes");
        assertThat(MarkdownWriter.render(analysis)).contains("| lab-nginx-reload | #1 kill data-plane | 5.0 | 7.5 |");
    }

    @Test
    void aFaultNeverHealedHasNoRecoveryFigures() throws IOException {
        Journals j = new Journals().runStarted(G).gatewayStarted(G, 0);
        j.append(window(0, 10, 0)).append(window(1000, 10, 10));
        j.append(new Events.FaultStarted(at(1000), G, 1, FaultAction.FREEZE, FaultTarget.DATA_PLANE, "SIGSTOP"));
        FaultRecovery f = RunAnalysis.of(j.history()).faults().get(G).faults().get(0);
        assertThat(f.healed()).isFalse();
        assertThat(f.trafficRecoverySeconds()).isNaN();
        assertThat(f.activationRecoverySeconds()).isNaN();
        assertThat(f.trafficErrorsDuring()).isEqualTo(10);
    }
}
