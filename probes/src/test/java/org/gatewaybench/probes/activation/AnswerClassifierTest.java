package org.gatewaybench.probes.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.junit.jupiter.api.Test;

class AnswerClassifierTest {

    private static final Backend B1 = new Backend("b1", "127.0.0.1", 9001);
    private static final Backend B0 = new Backend("b0", "127.0.0.1", 9000);
    private static final Route ROUTE = new Route(new RouteKey("t1", "r1"), "r1.t1.test", "/app", B1, 2);

    @Test
    void presentCountsTheRouteBackendEchoingItsHostAsOk() {
        assertThat(present(backendAnswer("b1", "r1.t1.test"), null))
                .isEqualTo(verdict(PollOutcome.OK, "backend b1"));
        assertThat(present(backendAnswer("b1", "R1.T1.TEST"), null).outcome()).isEqualTo(PollOutcome.OK);
    }

    @Test
    void presentCountsNotFoundAndThePreviousBackendAsNotYet() {
        assertThat(present(Answer.http(404, null, "", 1), null))
                .isEqualTo(verdict(PollOutcome.NOT_YET, "not-found"));
        assertThat(present(backendAnswer("b0", "r1.t1.test"), B0))
                .isEqualTo(verdict(PollOutcome.NOT_YET, "previous-backend b0"));
    }

    @Test
    void presentCountsEverythingElseAsAnError() {
        assertThat(present(backendAnswer("b0", "r1.t1.test"), null))
                .isEqualTo(verdict(PollOutcome.ERROR, "wrong-backend b0"));
        assertThat(present(backendAnswer("b1", "other.test"), null))
                .isEqualTo(verdict(PollOutcome.ERROR, "wrong-host other.test"));
        assertThat(present(Answer.http(200, "b1", "hello", 1), null))
                .isEqualTo(verdict(PollOutcome.ERROR, "wrong-host null"));
        assertThat(present(Answer.http(503, null, "", 1), null))
                .isEqualTo(verdict(PollOutcome.ERROR, "status 503"));
        assertThat(present(Answer.failed(Answer.RESET, 1), null)).isEqualTo(verdict(PollOutcome.ERROR, "reset"));
        assertThat(present(Answer.failed(Answer.TIMEOUT, 1), null)).isEqualTo(verdict(PollOutcome.ERROR, "timeout"));
    }

    @Test
    void absentCountsNotFoundAsOkAndTheRouteBackendAsNotYet() {
        assertThat(AnswerClassifier.absent(ROUTE, Answer.http(404, null, "", 1)))
                .isEqualTo(verdict(PollOutcome.OK, "not-found"));
        assertThat(AnswerClassifier.absent(ROUTE, backendAnswer("b1", "r1.t1.test")))
                .isEqualTo(verdict(PollOutcome.NOT_YET, "still-routed b1"));
    }

    @Test
    void absentCountsAnyVersionOfTheRouteStillAnsweringAsNotYet() {
        // b9 served an older version of the route (an update the gateway never applied before the delete)
        assertThat(AnswerClassifier.absent(ROUTE, backendAnswer("b9", ROUTE.host())))
                .isEqualTo(verdict(PollOutcome.NOT_YET, "still-routed b9"));
    }

    @Test
    void absentCountsEverythingElseAsAnError() {
        assertThat(AnswerClassifier.absent(ROUTE, backendAnswer("b9", "other.t2.test")))
                .isEqualTo(verdict(PollOutcome.ERROR, "wrong-host other.t2.test"));
        assertThat(AnswerClassifier.absent(ROUTE, Answer.http(200, null, "hello", 1)))
                .isEqualTo(verdict(PollOutcome.ERROR, "not-a-backend"));
        assertThat(AnswerClassifier.absent(ROUTE, Answer.http(500, null, "", 1)))
                .isEqualTo(verdict(PollOutcome.ERROR, "status 500"));
        assertThat(AnswerClassifier.absent(ROUTE, Answer.failed(Answer.CONNECT_FAILED, 1)))
                .isEqualTo(verdict(PollOutcome.ERROR, "connect-failed"));
    }

    private static AnswerClassifier.Verdict present(Answer answer, Backend previous) {
        return AnswerClassifier.present(ROUTE, previous, answer);
    }

    private static Answer backendAnswer(String id, String host) {
        return Answer.http(200, id, "backend=" + id + " host=" + host + " path=/app", 1);
    }

    private static AnswerClassifier.Verdict verdict(PollOutcome outcome, String detail) {
        return new AnswerClassifier.Verdict(outcome, detail);
    }
}
