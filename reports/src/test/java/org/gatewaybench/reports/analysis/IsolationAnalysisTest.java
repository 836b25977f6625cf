package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Journals;
import org.junit.jupiter.api.Test;

class IsolationAnalysisTest {

    private static Map<String, GatewayIsolation> of(Journals j) throws IOException {
        return RunAnalysis.of(j.history()).isolation();
    }

    @Test
    void eachCheckIsJudgedAgainFromItsEventsWithItsEvidence() throws IOException {
        Map<String, GatewayIsolation> isolation = of(IsolationJournals.run());

        GatewayIsolation nginx = isolation.get("nginx");
        assertThat(nginx.settings()).containsEntry("version", "nginx/1.22.1");
        assertThat(nginx.checks()).extracting(CheckOutcome::check, CheckOutcome::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IsolationCheck.SAME_HOST_SAME_PATH, Verdict.VIOLATED),
                org.assertj.core.groups.Tuple.tuple(IsolationCheck.CONFIG_POISONING, Verdict.VIOLATED),
                org.assertj.core.groups.Tuple.tuple(IsolationCheck.CONTROL_PLANE_EXPOSURE, Verdict.VIOLATED));
        CheckOutcome capture = nginx.of(IsolationCheck.SAME_HOST_SAME_PATH).orElseThrow();
        assertThat(capture.reason()).startsWith("5 of 5 requests to A's host app.va reached B's backend b1");
        assertThat(capture.figures()).containsEntry("capturedDuring", 5.0);
        assertThat(capture.samples()).filteredOn(s -> "B".equals(s.answeredBy())).hasSize(5)
                .allSatisfy(s -> assertThat(s.stage()).isEqualTo(Stage.DURING));
        assertThat(capture.samples()).extracting(CheckOutcome.Sample::answeredBy).contains("A");
        assertThat(capture.attacker().until()).as("B's route lived until its delete").isGreaterThan(capture.attacker().from());

        CheckOutcome poisoning = nginx.of(IsolationCheck.CONFIG_POISONING).orElseThrow();
        assertThat(poisoning.timings()).extracting(CheckOutcome.Timing::stage)
                .containsExactly(Stage.BEFORE, Stage.BEFORE, Stage.DURING);
        assertThat(poisoning.timings().get(2).liveMillis()).as("went live after B's delete").isGreaterThan(1500);
        assertThat(poisoning.setting("stallMillis")).isEqualTo(1000);

        assertThat(nginx.of(IsolationCheck.CONTROL_PLANE_EXPOSURE).orElseThrow().endpoints()).hasSize(2);
        assertThat(isolation.get("haproxy").checks()).extracting(CheckOutcome::verdict)
                .containsExactly(Verdict.REFUSED, Verdict.HELD, Verdict.HELD);
    }

    @Test
    void theJournalNotTheProbesVerdictDecidesAndADisagreementIsKept() throws IOException {
        Journals j = new Journals().runStarted(3, "gw").gatewayStarted("gw", 0);
        new IsolationJournals(j, "gw", 5).sameHost(true, Verdict.HELD);

        CheckOutcome c = of(j.runEnded(1000)).get("gw").checks().get(0);

        assertThat(c.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(c.journaled()).isEqualTo(Verdict.HELD);
        assertThat(c.disagrees()).isTrue();
    }

    @Test
    void aCheckTheRunEndedInIsInconclusiveAndARunWithoutChecksHasNone() throws IOException {
        Journals j = new Journals().runStarted(3, "gw", "other").gatewayStarted("gw", 0);
        new IsolationJournals(j, "gw", 5).controlPlane(true).startOnly(IsolationCheck.NOISY_NEIGHBOUR);

        Map<String, GatewayIsolation> isolation = of(j);

        assertThat(isolation.get("gw").checks()).extracting(CheckOutcome::verdict)
                .containsExactly(Verdict.VIOLATED, Verdict.INCONCLUSIVE);
        assertThat(isolation.get("gw").checks().get(1).reason()).isEqualTo("the run ended before the check did");
        assertThat(isolation.get("other").ran()).isFalse();
    }

    @Test
    void samplesAreCappedAndKeepEveryAnswerOfB() throws IOException {
        Journals j = new Journals().runStarted(3, "gw").gatewayStarted("gw", 0);
        IsolationJournals s = new IsolationJournals(j, "gw", 5);
        s.start(IsolationCheck.SUB_PATH_CAPTURE, Map.of());
        long a = s.write(org.gatewaybench.core.isolation.Actor.VICTIM, Stage.SETUP,
                org.gatewaybench.core.route.OpKind.CREATE, "va", "app.va", "/", IsolationJournals.A, true);
        s.ask(Stage.SETUP, a, "app.va", "/", 200, IsolationJournals.A, 200)
                .ask(Stage.DURING, 0, "app.va", "/api", 200, IsolationJournals.B, 0)
                .verdict(Verdict.INCONCLUSIVE);
        s.start(IsolationCheck.SUB_PATH_CAPTURE, Map.of());
        long a2 = s.write(org.gatewaybench.core.isolation.Actor.VICTIM, Stage.SETUP,
                org.gatewaybench.core.route.OpKind.CREATE, "va", "app2.va", "/", IsolationJournals.A, true);
        s.write(org.gatewaybench.core.isolation.Actor.ATTACKER, Stage.DURING,
                org.gatewaybench.core.route.OpKind.CREATE, "vb", "app2.va", "/api", IsolationJournals.B, true);
        s.ask(Stage.SETUP, a2, "app2.va", "/", 200, IsolationJournals.A, 100)
                .ask(Stage.DURING, 0, "app2.va", "/api", 200, IsolationJournals.B, 30).verdict(Verdict.VIOLATED);

        var checks = of(j.runEnded(10_000)).get("gw").checks();

        assertThat(checks.get(0).samples()).hasSize(IsolationAnalysis.MAX_SAMPLES);
        assertThat(checks.get(0).requests()).isEqualTo(200);
        assertThat(checks.get(1).samples()).hasSize(IsolationAnalysis.MAX_SAMPLES)
                .filteredOn(x -> "B".equals(x.answeredBy())).hasSizeGreaterThanOrEqualTo(IsolationAnalysis.MAX_NOTABLE);
        assertThat(checks.get(1).samples()).extracting(CheckOutcome.Sample::seconds).isSorted();
    }
}
