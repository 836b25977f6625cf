package org.gatewaybench.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaybench.core.isolation.Story.A;
import static org.gatewaybench.core.isolation.Story.B;
import static org.gatewaybench.core.isolation.Story.Q;

import java.util.Map;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.StatusSignal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IsolationJudgeTest {

    private static final String HOST = "app.same.va.test";

    /** A's route live, B's claim written, a barrier live: the common start of the capture checks. */
    private static long[] claimed(Story s, String bPath, Refusal refusal) {
        long a = s.write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", HOST, "/", A);
        s.live(Stage.SETUP, a);
        long b = s.write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", HOST, bPath, B, refusal);
        long barrier = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "barrier-1.q1.test", "/", Q);
        return new long[] {a, b, barrier};
    }

    @Nested
    class SameHostAndSubPath {

        @Test
        void heldWhenEveryAnswerOfAsHostCameFromA() {
            Story s = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(s, "/", null);
            s.answered(Stage.DURING, w[0], A, 5).live(Stage.DURING, w[2]).answered(Stage.DURING, w[0], A, 5);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.HELD);
            assertThat(j.figures()).containsEntry("requestsDuring", 10.0).containsEntry("capturedDuring", 0.0);
        }

        @Test
        void violatedWhenAnyAnswerCameFromBAndTheReasonSaysHowMany() {
            Story s = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(s, "/", null);
            s.answered(Stage.DURING, w[0], A, 2).answered(Stage.DURING, w[0], B, 4).live(Stage.DURING, w[2]);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
            assertThat(j.reason()).startsWith("4 of 6 requests to A's host " + HOST + " reached B's backend b-attacker");
            assertThat(j.figures()).containsEntry("capturedDuring", 4.0).containsKey("firstCaptureMs");
        }

        @Test
        void refusedWhenBsWriteWasRefusedAndAWasUntouched() {
            Story s = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(s, "/", Refusal.ADMISSION_DENIED);
            s.answered(Stage.DURING, w[0], A, 3).live(Stage.DURING, w[2]);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(j.reason()).contains("was refused (admission-denied: refused by the test)");
            assertThat(j.figures()).containsEntry("attackerRefused", 1.0);
        }

        @Test
        void answersOfBAfterItsDeleteCountOnlyOnceTheGatewayTookTheDelete() {
            Story s = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(s, "/", null);
            s.live(Stage.DURING, w[2]).answered(Stage.DURING, w[0], A, 3);
            s.write(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE, "vb", HOST, "/", B);
            long barrier = s.write(Actor.BYSTANDER, Stage.AFTER, OpKind.CREATE, "q1", "barrier-2.q1.test", "/", Q);
            s.answered(Stage.AFTER, w[0], B, 2).live(Stage.AFTER, barrier).answered(Stage.AFTER, w[0], A, 3);
            assertThat(s.judge().verdict()).as("B's route still going away is not a capture").isEqualTo(Verdict.HELD);

            s.answered(Stage.AFTER, w[0], B, 1);
            IsolationJudge.Judgement j = s.judge();
            assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
            assertThat(j.figures()).containsEntry("capturedAfter", 1.0);
        }

        @Test
        void violatedWhenAsHostDoesNotComeBackAfterBLeft() {
            Story s = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(s, "/", null);
            s.live(Stage.DURING, w[2]).answered(Stage.DURING, w[0], A, 3);
            s.write(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE, "vb", HOST, "/", B);
            long barrier = s.write(Actor.BYSTANDER, Stage.AFTER, OpKind.CREATE, "q1", "barrier-2.q1.test", "/", Q);
            s.live(Stage.AFTER, barrier).ask(Stage.AFTER, w[0], HOST, "/", 404, null);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
            assertThat(j.reason()).contains("no longer reached A's backend at / (status 404)");
        }

        @Test
        void subPathNamesThePathsThatReachedB() {
            Story s = new Story(IsolationCheck.SUB_PATH_CAPTURE);
            long[] w = claimed(s, "/api", null);
            s.live(Stage.DURING, w[2]).ask(Stage.DURING, w[0], HOST, "/", 200, A)
                    .ask(Stage.DURING, w[0], HOST, "/api/v1", 200, B).ask(Stage.DURING, w[0], HOST, "/other", 200, A);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
            assertThat(j.reason()).contains("paths that reached B: /api/v1 (of /, /api/v1, /other)");
            assertThat(j.figures()).containsEntry("pathsCaptured", 1.0).containsEntry("pathsTried", 3.0);
        }

        @Test
        void inconclusiveWhenAsRouteNeverWentLiveOrABarrierNever() {
            Story never = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long a = never.write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", HOST, "/", A);
            never.ask(Stage.SETUP, a, HOST, "/", 404, null);
            assertThat(never.judge().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(never.judge().reason()).isEqualTo("A's route " + HOST + "/ never went live (1 requests)");

            Story stuck = new Story(IsolationCheck.SAME_HOST_SAME_PATH);
            long[] w = claimed(stuck, "/", null);
            stuck.answered(Stage.DURING, w[0], A, 3);
            assertThat(stuck.judge().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(stuck.judge().reason()).contains("barrier route q1/r3 written during never went live");
        }
    }

    @Test
    void wildcardCaptureOfAJustDeletedHostIsAViolation() {
        Story s = new Story(IsolationCheck.WILDCARD_CAPTURE);
        long a1 = s.write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", "live.w.va.test", "/", A);
        s.live(Stage.SETUP, a1);
        long wild = s.write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "*.w.va.test", "/", B);
        long barrier = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "barrier-1.q1.test", "/", Q);
        s.ask(Stage.DURING, wild, "nobody.w.va.test", "/", 200, B).answered(Stage.DURING, a1, A, 3)
                .live(Stage.DURING, barrier);
        long a2 = s.write(Actor.VICTIM, Stage.PENDING, OpKind.CREATE, "va", "new.w.va.test", "/", A);
        s.live(Stage.PENDING, a2);
        long gone = s.write(Actor.VICTIM, Stage.DELETED, OpKind.DELETE, "va", "live.w.va.test", "/", A);
        assertThat(s.judge().verdict()).isEqualTo(Verdict.HELD);
        assertThat(s.judge().reason()).startsWith("B's wildcard was live; none of A's hosts");

        s.ask(Stage.DELETED, gone, "live.w.va.test", "/", 200, B);
        IsolationJudge.Judgement j = s.judge();
        assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(j.reason()).isEqualTo("B's wildcard answered 1 of 1 requests to A's just deleted host");
        assertThat(j.figures()).containsEntry("wildcardLive", 1.0).containsEntry("activeCaptured", 0.0);
    }

    @Test
    void crossNamespaceIsRefusedByAnUnresolvedReferenceAndViolatedWhenAsBackendAnswers() {
        Story s = new Story(IsolationCheck.CROSS_NAMESPACE_BACKEND);
        long a = s.write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", "app.x.va.test", "/", A);
        s.live(Stage.SETUP, a);
        long x = s.write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "borrow.x.vb.test", "/", A);
        long barrier = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "barrier-1.q1.test", "/", Q);
        s.status(x, StatusSignal.RESOLVED_REFS, "False:RefNotPermitted").live(Stage.DURING, barrier)
                .ask(Stage.DURING, x, "borrow.x.vb.test", "/", 500, null);
        IsolationJudge.Judgement refused = s.judge();
        assertThat(refused.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(refused.reason()).contains("was reported resolved-refs False:RefNotPermitted")
                .contains("(1x 500)");

        s.ask(Stage.DURING, x, "borrow.x.vb.test", "/", 200, A);
        assertThat(s.judge().verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(s.judge().figures()).containsEntry("reachedVictimBackend", 1.0);
    }

    @Nested
    class Poisoning {

        private Story poisoned(boolean refused) {
            Story s = new Story(IsolationCheck.CONFIG_POISONING, Map.of(IsolationJudge.STALL_MILLIS, "1000",
                    IsolationJudge.LATENCY_RATIO, "3", IsolationJudge.FLOOR_MILLIS, "50"));
            for (String q : new String[] {"q1", "q2"}) {
                long before = s.write(Actor.BYSTANDER, Stage.BEFORE, OpKind.CREATE, q, "before." + q, "/", Q);
                s.after(10).live(Stage.BEFORE, before);
            }
            s.write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "poison.vb", "/x;", B,
                    refused ? Refusal.ADMISSION_DENIED : null);
            return s;
        }

        @Test
        void violatedWhenOtherTenantsWritesWentLiveOnlyAfterBsRouteWentAndTheBlastRadiusIsMeasured() {
            Story s = poisoned(false);
            long d1 = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "during.q1", "/", Q);
            long d2 = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q2", "during.q2", "/", Q);
            s.answered(Stage.DURING, d1, null, 0).ask(Stage.DURING, d1, "during.q1", "/", 404, null).after(1500);
            s.write(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE, "vb", "poison.vb", "/x;", B);
            s.after(120).live(Stage.DURING, d1).live(Stage.DURING, d2);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
            assertThat(j.reason()).startsWith("2 of 2 writes of 2 other tenants did not go live within 1000 ms");
            assertThat(j.figures()).containsEntry("stalledWrites", 2.0).containsEntry("tenantsDelayed", 2.0)
                    .containsEntry("recovered", 1.0);
            assertThat(j.figures().get("resumedAfterDeleteMs")).isBetween(120.0, 130.0);
            assertThat(j.figures().get("maxDelayMs")).isGreaterThan(1600.0);
        }

        @Test
        void refusedWhenBsRouteWasRefusedAndTheOthersWentLiveAsBefore() {
            Story s = poisoned(true);
            long d1 = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "during.q1", "/", Q);
            s.after(10).live(Stage.DURING, d1);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(j.figures()).containsEntry("stalledWrites", 0.0);
        }

        @Test
        void degradedWhenTheOthersWentLiveMuchSlowerThanBefore() {
            Story s = poisoned(false);
            long d1 = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "during.q1", "/", Q);
            s.after(400).live(Stage.DURING, d1);

            IsolationJudge.Judgement j = s.judge();

            assertThat(j.verdict()).isEqualTo(Verdict.DEGRADED);
            assertThat(j.reason()).contains("beyond the bound (ratio 3, floor 50 ms)");
        }
    }

    @Test
    void snippetsViolateWhenACanaryMarkAppearsInAnAnswer() {
        Story s = new Story(IsolationCheck.SNIPPET_INJECTION, Map.of(IsolationJudge.CANARY_FILE, "/tmp/canary"));
        long a = s.write(Actor.VICTIM, Stage.SETUP, OpKind.CREATE, "va", "app.s.va", "/", A);
        s.live(Stage.SETUP, a);
        long barrier = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q1", "barrier-1.q1.test", "/", Q);
        s.live(Stage.DURING, barrier).ask(Stage.DURING, a, "app.s.va", "/", 200, A);
        assertThat(s.judge().verdict()).isEqualTo(Verdict.HELD);

        s.ask(Stage.DURING, a, "app.s.va", "/", 200, A, "header").ask(Stage.DURING, 9, "own.s.vb", "/c", 200, null,
                "file");
        IsolationJudge.Judgement j = s.judge();
        assertThat(j.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(j.figures()).containsEntry("canaryHeaders", 1.0).containsEntry("canaryFileReads", 1.0)
                .containsEntry("canaryPlanted", 1.0);
    }

    @Test
    void controlEndpointsViolateOnlyWhenOneThatControlsAnswers() {
        Story s = new Story(IsolationCheck.CONTROL_PLANE_EXPOSURE);
        s.endpoint("health", EndpointKind.STATUS, true).endpoint("admin", EndpointKind.ADMIN, false);
        assertThat(s.judge().verdict()).isEqualTo(Verdict.HELD);
        assertThat(s.judge().figures()).containsEntry("endpointsReached", 1.0)
                .containsEntry("controlEndpointsReached", 0.0);

        s.endpoint("xds", EndpointKind.XDS, true);
        assertThat(s.judge().verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(s.judge().reason()).startsWith("from B's position xds (xds, 10.0.0.1:9180: HTTP/1.1 200 OK)");
    }

    @Nested
    class NoisyNeighbour {

        private Story quiet(long beforeMillis, long duringMillis, int during) {
            Story s = new Story(IsolationCheck.NOISY_NEIGHBOUR, Map.of(IsolationJudge.LATENCY_RATIO, "3",
                    IsolationJudge.FLOOR_MILLIS, "50"));
            for (int i = 0; i < 6; i++) {
                long w = s.write(Actor.BYSTANDER, Stage.BEFORE, OpKind.CREATE, "q1", "q-before-" + i, "/", Q);
                s.after(beforeMillis).live(Stage.BEFORE, w);
            }
            s.write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "s0", "/", B);
            s.after(1000).write(Actor.ATTACKER, Stage.DURING, OpKind.CREATE, "vb", "s1", "/", B);
            for (int i = 0; i < during; i++) {
                long w = s.write(Actor.BYSTANDER, Stage.DURING, OpKind.CREATE, "q2", "q-during-" + i, "/", Q);
                s.after(duringMillis).live(Stage.DURING, w);
            }
            return s;
        }

        @Test
        void degradedWhenTheQuietTenantsP99GrowsBeyondTheBound() {
            IsolationJudge.Judgement j = quiet(20, 400, 6).judge();

            assertThat(j.verdict()).isEqualTo(Verdict.DEGRADED);
            assertThat(j.figures().get("ratioP99")).isGreaterThan(10.0);
            assertThat(j.figures()).containsEntry("stormRoutes", 2.0);
            assertThat(j.figures().get("stormSeconds")).isBetween(1.0, 1.01);
        }

        @Test
        void heldWithinTheBoundOrBelowTheFloor() {
            assertThat(quiet(20, 40, 6).judge().verdict()).as("twice as slow: within 3x").isEqualTo(Verdict.HELD);
            assertThat(quiet(2, 30, 6).judge().verdict()).as("15x, but by under 50 ms").isEqualTo(Verdict.HELD);
        }

        @Test
        void inconclusiveWithTooFewSamples() {
            IsolationJudge.Judgement j = quiet(20, 400, 2).judge();
            assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(j.reason()).contains("2 during the storm; at least 5 each");
        }
    }

    @Test
    void notApplicableCarriesTheDriversReasonAndAnErrorMakesACheckInconclusive() {
        Story na = new Story(IsolationCheck.SNIPPET_INJECTION, Map.of(IsolationJudge.NOT_APPLICABLE, "no snippets"));
        assertThat(na.judge()).isEqualTo(new IsolationJudge.Judgement(Verdict.NOT_APPLICABLE, "no snippets", Map.of()));

        Story failed = new Story(IsolationCheck.SAME_HOST_SAME_PATH).error("the data plane went away");
        assertThat(failed.judge().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(failed.judge().reason()).endsWith("the data plane went away");
    }
}
