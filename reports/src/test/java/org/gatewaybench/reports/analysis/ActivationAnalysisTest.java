package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.activation.Expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaybench.reports.Journals.nanos;

import java.io.IOException;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.reports.Journals;
import org.junit.jupiter.api.Test;

class ActivationAnalysisTest {

    private static final String GW = "lab-nginx-reload";
    private static final Histogram PRECISION = LatencyStats.newHistogram();

    /** What HdrHistogram reports for a recorded value: exact to 3 significant digits. */
    private static long hdr(double ms) {
        return PRECISION.highestEquivalentValue(nanos(ms));
    }

    private static Journals run() {
        return new Journals().runStarted(GW).gatewayStarted(GW, 0);
    }

    private static GatewayActivation analyze(Journals j) throws IOException {
        return RunAnalysis.of(j.history()).activation().get(GW);
    }

    @Test
    void latencyRunsFromTheAckToTheFirstOfThreeOksInARow() throws IOException {
        Journals j = run().write(GW, 1, "create", 100)
                .polls(GW, 1, 110, 50, "not-yet", "ok", "ok", "ok");
        GatewayActivation a = analyze(j);

        OpVerdict v = a.ops().get(0);
        assertThat(v.state()).isEqualTo(OpVerdict.State.REACHED);
        assertThat(v.latencyNanos()).isEqualTo(nanos(60)); // ok streak began at 160, ack at 100
        assertThat(v.resolutionNanos()).as("interval of the deciding poll").isEqualTo(nanos(50));
        assertThat(v.ackedSeconds()).isEqualTo(0.1);
        LatencyStats s = a.overall().activation();
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.p50Nanos()).isEqualTo(hdr(60));
        assertThat(s.maxNanos()).isEqualTo(hdr(60));
        assertThat(a.overall().neverActivated()).isZero();
        assertThat(a.overall().unresolved()).isZero();
    }

    @Test
    void theFirstCorrectAnswerIsJudgedFromTheSamePollsBesideTheStreak() throws IOException {
        // Write 1 answers at 160, breaks at 210, then holds from 260: first answer 60 ms, activation 160 ms.
        // Write 2 answers once and never again: a first answer, but the probe gives up on the streak.
        // Write 3 (a delete) has no first answer of a created route.
        Journals j = run().write(GW, 1, "create", 100)
                .polls(GW, 1, 110, 50, "not-yet", "ok", "error", "ok", "ok", "ok")
                .write(GW, 2, "create", 100).polls(GW, 2, 130, 50, "ok", "not-yet", "not-yet")
                .gaveUp(GW, 2, "present", 1000)
                .write(GW, 3, "delete", 100).poll(GW, 3, "absent", "ok", 120, 0);
        GatewayActivation a = analyze(j);

        assertThat(a.ops().get(0).latencyNanos()).isEqualTo(nanos(160));
        assertThat(a.ops().get(0).firstAnswerNanos()).isEqualTo(nanos(60));
        assertThat(a.ops().get(1).state()).isEqualTo(OpVerdict.State.GAVE_UP);
        assertThat(a.ops().get(1).firstAnswerNanos()).isEqualTo(nanos(30));
        LatencyStats first = a.overall().firstAnswer();
        assertThat(first.count()).as("both created routes answered correctly once").isEqualTo(2);
        assertThat(first.p50Nanos()).isEqualTo(hdr(30));
        assertThat(first.maxNanos()).isEqualTo(hdr(60));
        assertThat(a.overall().activation().count()).isEqualTo(1);
        assertThat(a.firstAnswerHistogram().getTotalCount()).isEqualTo(2);
    }

    @Test
    void withOneCorrectAnswerRequiredBothRulesAgree() throws IOException {
        Journals j = new Journals().runStarted(1, GW).gatewayStarted(GW, 0).write(GW, 1, "create", 100)
                .polls(GW, 1, 110, 50, "not-yet", "error", "ok");
        OpVerdict v = analyze(j).ops().get(0);

        assertThat(v.latencyNanos()).isEqualTo(nanos(110));
        assertThat(v.firstAnswerNanos()).isEqualTo(v.latencyNanos());
    }

    @Test
    void percentilesOverManyRoutes() throws IOException {
        Journals j = run();
        for (int op = 1; op <= 10; op++) {
            double ack = op * 1000;
            j.write(GW, op, "create", ack).polls(GW, op, ack + op * 10, 5, "ok", "ok", "ok");
        }
        LatencyStats s = analyze(j).overall().activation();
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.p50Nanos()).isEqualTo(hdr(50));
        assertThat(s.p90Nanos()).isEqualTo(hdr(90));
        assertThat(s.p99Nanos()).isEqualTo(hdr(100));
        assertThat(s.maxNanos()).isEqualTo(hdr(100));
        assertThat((double) s.meanNanos()).isCloseTo(nanos(55), within(nanos(55) * 0.001));
    }

    @Test
    void errorsBreakTheStreakAndAreCountedByKind() throws IOException {
        Journals j = run().write(GW, 1, "create", 0)
                .poll(GW, 1, "present", "ok", 10, 0)
                .poll(GW, 1, "present", "ok", 20, 10)
                .poll(GW, 1, "present", "error", 30, 10, 502, null)
                .poll(GW, 1, "present", "error", 40, 10, 0, "reset")
                .poll(GW, 1, "present", "error", 50, 10, 200, "wrong-backend: b2")
                .poll(GW, 1, "present", "error", 60, 10, 0, "timeout after 1s")
                .poll(GW, 1, "present", "ok", 70, 10)
                .poll(GW, 1, "present", "ok", 80, 10)
                .poll(GW, 1, "present", "ok", 90, 10);
        GatewayActivation a = analyze(j);

        assertThat(a.ops().get(0).latencyNanos()).isEqualTo(nanos(70));
        assertThat(a.ops().get(0).errorPolls()).isEqualTo(4);
        assertThat(a.overall().errorPolls()).isEqualTo(4);
        assertThat(a.overall().errorsByKind()).containsExactly(Map.entry("reset", 1L), Map.entry("status 502", 1L),
                Map.entry("timeout", 1L), Map.entry("wrong-backend", 1L));
    }

    @Test
    void pollsAreJudgedInTheOrderTheyWereSentNotAnswered() throws IOException {
        // The not-yet answer to the poll sent at 20 arrives after those sent at 30 and 40: judged in
        // answer order the streak would start at 10.
        Journals j = run().write(GW, 1, "create", 0)
                .poll(GW, 1, "present", "ok", 10, 0)
                .poll(GW, 1, "present", "ok", 30, 10)
                .poll(GW, 1, "present", "ok", 40, 10)
                .poll(GW, 1, "present", "not-yet", 20, 10)
                .poll(GW, 1, "present", "ok", 50, 10);
        assertThat(analyze(j).ops().get(0).latencyNanos()).isEqualTo(nanos(30));
    }

    @Test
    void aPollJournaledSecondsLateIsStillJudgedInSendingOrder() throws IOException {
        // Write 2's polls move the journal 4 s on before the not-yet answer to write 1's poll sent at 20
        // arrives: within the reorder window, so write 1 is active from its poll sent at 30, not at 10.
        Journals j = run().write(GW, 1, "create", 0).poll(GW, 1, "present", "ok", 10, 0).polls(GW, 1, 30, 10, "ok", "ok")
                .write(GW, 2, "create", 4000).polls(GW, 2, 4010, 10, "ok", "ok", "ok")
                .poll(GW, 1, "present", "not-yet", 20, 10)
                .poll(GW, 1, "present", "ok", 50, 10);
        GatewayActivation a = analyze(j);
        assertThat(a.ops().get(0).latencyNanos()).isEqualTo(nanos(30));
        assertThat(a.ops().get(1).latencyNanos()).isEqualTo(nanos(10));
    }

    @Test
    void aPollLaterThanTheReorderWindowFailsActivationAtItsLineAndLeavesTheRest() throws IOException {
        Journals j = run().write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "ok", "ok", "ok")
                .apply(GW, 1, "reload", 1, 1, 5, 8, true)
                .write(GW, 2, "create", 6000).polls(GW, 2, 6010, 10, "ok", "ok", "ok")
                .poll(GW, 1, "present", "not-yet", 15, 5); // sent between the ok answers, journaled 6 s later
        RunAnalysis analysis = RunAnalysis.of(j.history());

        AnalysisFailure failure = analysis.failure(Analysis.ACTIVATION).orElseThrow();
        assertThat(failure.line()).isEqualTo(j.events().size());
        assertThat(failure.message()).contains("write 1 of " + GW).contains("out of sending order");
        assertThatThrownBy(analysis::activation).isInstanceOf(AnalysisFailedException.class)
                .hasMessageContaining("the activation analysis failed");
        assertThat(analysis.configApplies().get(GW).figures().applies()).isEqualTo(1);
        assertThat(analysis.failures()).extracting(AnalysisFailure::analysis)
                .as("the repetitions need the activation figures").containsExactly(Analysis.ACTIVATION,
                        Analysis.REPETITIONS);
        assertThat(analysis.faults().get(GW).faults()).as("no fault: no activation verdicts needed").isEmpty();
    }

    @Test
    void theProbeGivingUpIsNeverActivatedOrNeverDeactivated() throws IOException {
        Journals j = run()
                .write(GW, 1, "create", 0).polls(GW, 1, 5, 100, "not-yet", "not-yet").gaveUp(GW, 1, "present", 30_000)
                .write(GW, 2, "delete", 0).poll(GW, 2, "absent", "not-yet", 5, 0).gaveUp(GW, 2, "absent", 30_000);
        ActivationFigures f = analyze(j).overall();
        assertThat(f.neverActivated()).isEqualTo(1);
        assertThat(f.neverDeactivated()).isEqualTo(1);
        assertThat(f.activation().count()).isZero();
        assertThat(f.unresolved()).isZero();
    }

    @Test
    void deletesAreMeasuredAsDeactivation() throws IOException {
        Journals j = run()
                .write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "ok", "ok", "ok")
                .write(GW, 2, "delete", 1000)
                .poll(GW, 2, "absent", "not-yet", 1010, 0)
                .poll(GW, 2, "absent", "ok", 1260, 250)
                .poll(GW, 2, "absent", "ok", 1270, 10)
                .poll(GW, 2, "absent", "ok", 1280, 10);
        GatewayActivation a = analyze(j);
        assertThat(a.overall().activation().count()).isEqualTo(1);
        assertThat(a.overall().deactivation().count()).isEqualTo(1);
        assertThat(a.overall().deactivation().p50Nanos()).isEqualTo(hdr(260));
        assertThat(a.ops().get(1).resolutionNanos()).isEqualTo(nanos(250));
        assertThat(a.activationHistogram().getTotalCount()).as("deletes are not activations").isEqualTo(1);
    }

    @Test
    void figuresSplitByThePhaseAWriteWasSentIn() throws IOException {
        Journals j = run()
                .write(GW, 1, "create", 10).polls(GW, 1, 20, 10, "ok", "ok", "ok") // before any phase
                .phaseStarted(GW, 0, "ramp", "ramp", 100)
                .write(GW, 2, "create", 110).polls(GW, 2, 120, 10, "ok", "ok", "ok")
                .write(GW, 3, "create", 120)
                .phaseEnded(GW, 0, "ramp", 130)
                .phaseStarted(GW, 1, "churn", "steady", 200)
                // op 3's polls come during the next phase: it still belongs to ramp, where it was sent
                .polls(GW, 3, 210, 10, "ok", "ok", "ok")
                .write(GW, 4, "update", 210).polls(GW, 4, 250, 10, "ok", "ok", "ok")
                .phaseEnded(GW, 1, "churn", 400);
        GatewayActivation a = analyze(j);

        assertThat(a.phases()).extracting(p -> p.span().phase()).containsExactly("ramp", "churn");
        PhaseActivation ramp = a.phases().get(0);
        PhaseActivation churn = a.phases().get(1);
        assertThat(ramp.figures().ops()).isEqualTo(2);
        assertThat(ramp.figures().activation().maxNanos()).isEqualTo(hdr(90));
        assertThat(churn.figures().ops()).isEqualTo(1);
        assertThat(churn.figures().activation().p50Nanos()).isEqualTo(hdr(40));
        assertThat(a.overall().ops()).as("the write outside phases counts overall").isEqualTo(4);
        assertThat(ramp.span().startSeconds()).isEqualTo(0.1);
        assertThat(ramp.span().endSeconds()).isEqualTo(0.13);
        assertThat(a.ops()).extracting(OpVerdict::phaseIndex).containsExactly(-1, 0, 0, 1);
    }

    @Test
    void requiredSuccessesComeFromTheJournaledProbeRule() throws IOException {
        Journals j = new Journals().runStarted(1, GW)
                .write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "not-yet", "ok");
        assertThat(RunAnalysis.of(j.history()).activation().get(GW).ops().get(0).latencyNanos()).isEqualTo(nanos(20));

        Journals two = new Journals().runStarted(2, GW)
                .write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "ok", "not-yet", "ok", "ok");
        RunAnalysis analysis = RunAnalysis.of(two.history());
        assertThat(analysis.facts().requiredSuccesses()).isEqualTo(2);
        assertThat(analysis.activation().get(GW).ops().get(0).latencyNanos()).isEqualTo(nanos(30));
    }

    @Test
    void anInterruptedRunLeavesWritesUnresolvedAndSaysSo() throws IOException {
        Journals j = run()
                .write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "ok", "ok", "ok")
                .write(GW, 2, "create", 50).polls(GW, 2, 60, 10, "not-yet", "ok", "ok") // cut before the third ok
                .write(GW, 3, "create", 60)
                .invoked(GW, 4, "create", 70, 70); // no answer of the API
        RunAnalysis analysis = RunAnalysis.of(j.history());
        ActivationFigures f = analysis.activation().get(GW).overall();

        assertThat(analysis.outcome()).isEqualTo(new RunEnding(RunOutcome.INTERRUPTED, "the journal has no run-ended event"));
        assertThat(f.ops()).isEqualTo(4);
        assertThat(f.activation().count()).isEqualTo(1);
        assertThat(f.unresolved()).isEqualTo(2);
        assertThat(f.unacknowledged()).isEqualTo(1);
        assertThat(analysis.activation().get(GW).ops()).extracting(OpVerdict::state).containsExactly(
                OpVerdict.State.REACHED, OpVerdict.State.UNRESOLVED, OpVerdict.State.UNRESOLVED,
                OpVerdict.State.UNACKNOWLEDGED);
        assertThat(analysis.notes()).extracting(ReportNote::message).anyMatch(m -> m.startsWith("2 acknowledged"))
                .anyMatch(m -> m.contains("did not complete"));
    }

    @Test
    void aTruncatedJournalIsInterruptedEvenWithRunEnded() throws IOException {
        Journals j = run().runEnded(100);
        History cut = History.of(j.events(), true, 0);
        assertThat(RunAnalysis.of(cut).outcome().status()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(RunAnalysis.of(j.history()).outcome()).isEqualTo(new RunEnding(RunOutcome.COMPLETED, null));
    }

    @Test
    void refusedWritesAreFailuresNotActivations() throws IOException {
        Journals j = run().invoked(GW, 1, "create", 0, 0).completed(GW, 1, "create", 5, false);
        GatewayActivation a = analyze(j);
        assertThat(a.overall().failedOps()).isEqualTo(1);
        assertThat(a.overall().activation().count()).isZero();
        assertThat(a.ops().get(0).error()).isEqualTo("conflict");
    }

    @Test
    void churnLagIsHowLateWritesLeftAgainstTheSchedule() throws IOException {
        Journals j = run();
        for (int op = 1; op <= 100; op++) {
            j.invoked(GW, op, "create", op * 10, op * 10 + op).completed(GW, op, "create", op * 10 + op + 1, true);
        }
        LatencyStats lag = analyze(j).overall().churnLag();
        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.p50Nanos()).isEqualTo(hdr(50));
        assertThat(lag.p99Nanos()).isEqualTo(hdr(99));
        assertThat(lag.maxNanos()).isEqualTo(hdr(100));
    }

    @Test
    void aFirstPollThatIsAlreadyOkIsLatencyBoundedByT0() throws IOException {
        Journals j = run().write(GW, 1, "create", 100).polls(GW, 1, 130, 10, "ok", "ok", "ok")
                // the data plane answered before the API's ack reached the harness
                .write(GW, 2, "create", 500).polls(GW, 2, 495, 10, "ok", "ok", "ok");
        GatewayActivation a = analyze(j);
        assertThat(a.ops().get(0).latencyNanos()).isEqualTo(nanos(30));
        assertThat(a.ops().get(0).resolutionNanos()).isEqualTo(nanos(30));
        assertThat(a.ops().get(1).latencyNanos()).isZero();
    }

    @Test
    void pollsOfOtherGatewaysAndUnknownWritesDoNotMixIn() throws IOException {
        Journals j = new Journals().runStarted(GW, "other").gatewayStarted(GW, 0)
                .write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "ok", "ok", "ok")
                .gatewayStarted("other", 1000)
                .write("other", 1, "create", 1000).polls("other", 1, 1500, 10, "ok", "ok", "ok")
                .poll("other", 99, "present", "error", 1600, 0, 503, null);
        RunAnalysis analysis = RunAnalysis.of(j.history());
        assertThat(analysis.gateways()).containsExactly(GW, "other");
        assertThat(analysis.activation().get(GW).ops().get(0).latencyNanos()).isEqualTo(nanos(10));
        GatewayActivation other = analysis.activation().get("other");
        assertThat(other.ops().get(0).latencyNanos()).isEqualTo(nanos(500));
        assertThat(other.ops().get(0).ackedSeconds()).as("time since that gateway started").isEqualTo(0.0);
        assertThat(other.overall().errorsByKind()).containsExactly(Map.entry("status 503", 1L));
    }

    @Test
    void aWriteReplacedBeforeItShowedIsSupersededNotUnresolved() throws IOException {
        RouteKey route = Journals.route(1);
        Journals j = run().write(GW, 1, "create", 0).polls(GW, 1, 10, 10, "not-yet", "not-yet")
                // op 2 deletes the same route before its create showed; the probe now judges op 2
                .append(new Events.OpInvoked(Journals.at(30), GW, 2, OpKind.DELETE, route, "h1.example", "/", "b1",
                        nanos(30)))
                .append(new Events.OpCompleted(Journals.at(31), GW, 2, OpKind.DELETE, route, true, null, null))
                .append(new Events.ProbePoll(Journals.at(40), GW, 2, route, Expect.ABSENT, PollOutcome.OK, 404, null, nanos(39), 0))
                .append(new Events.ProbePoll(Journals.at(50), GW, 2, route, Expect.ABSENT, PollOutcome.OK, 404, null, nanos(49),
                        nanos(10)))
                .append(new Events.ProbePoll(Journals.at(60), GW, 2, route, Expect.ABSENT, PollOutcome.OK, 404, null, nanos(59),
                        nanos(10)))
                .runEnded(100);
        ActivationFigures f = analyze(j).overall();
        assertThat(analyze(j).ops()).extracting(OpVerdict::state)
                .containsExactly(OpVerdict.State.SUPERSEDED, OpVerdict.State.REACHED);
        assertThat(f.superseded()).isEqualTo(1);
        assertThat(f.unresolved()).isZero();
        assertThat(f.deactivation().count()).isEqualTo(1);
    }
}
