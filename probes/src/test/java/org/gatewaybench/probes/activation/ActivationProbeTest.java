package org.gatewaybench.probes.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activation probe against a real HTTP server on 127.0.0.1 whose routing table the test sets. */
class ActivationProbeTest {

    private static final String GATEWAY = "test-gateway";
    private static final Backend B1 = new Backend("b1", "127.0.0.1", 9001);
    private static final Backend B0 = new Backend("b0", "127.0.0.1", 9000);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RecordingJournal journal = new RecordingJournal();
    private TestGateway gateway;
    private ActivationProbe probe;

    @BeforeEach
    void startGateway() throws InterruptedException {
        gateway = new TestGateway();
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        gateway.close();
    }

    @Test
    void activatesAfterThreeOkAnswersInARowThatBeginAfterTheEnable() throws Exception {
        Route route = route("r1", B1);
        start(settings(Duration.ofMillis(5)));

        probe.expectPresent(1, route, System.nanoTime(), null);
        gateway.awaitRequests(route.host(), 3, 10_000);
        long enabledAt = gateway.set(route.host(), TestGateway.Reply.backend("b1"));
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Events.ProbePoll> polls = polls(1);
        assertThat(polls.subList(polls.size() - 3, polls.size()))
                .allSatisfy(p -> {
                    assertThat(p.outcome()).isEqualTo(PollOutcome.OK);
                    assertThat(p.status()).isEqualTo(200);
                    assertThat(p.detail()).isEqualTo("backend b1");
                });
        assertThat(polls.subList(0, polls.size() - 3))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> {
                    assertThat(p.outcome()).isEqualTo(PollOutcome.NOT_YET);
                    assertThat(p.status()).isEqualTo(404);
                });
        assertThat(polls).allSatisfy(p -> {
            assertThat(p.expect()).isEqualTo(Expect.PRESENT);
            assertThat(p.gateway()).isEqualTo(GATEWAY);
            assertThat(p.route()).isEqualTo(route.key());
        });
        // Exact: the streak's first poll is the one after the last 404. Loose: a request already sent
        // when the table flips may be answered by the new table, and a loaded 2-core machine can hold
        // a sent request for milliseconds before the gateway's thread reads it (3.5 ms seen), so the
        // activation may be dated somewhat before the flip: 50 ms is allowed.
        assertThat(activationSent(polls)).isGreaterThanOrEqualTo(enabledAt - TimeUnit.MILLISECONDS.toNanos(50))
                .isGreaterThan(polls.get(polls.size() - 4).sentMono());
        assertThat(probe.stats().activated()).isEqualTo(1);
        assertThat(probe.stats().pending()).isZero();

        long seen = gateway.requests(route.host());
        // No polls after activation: 100 ms is 20 poll intervals.
        await("no polls after activation").during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> gateway.requests(route.host()) == seen);
    }

    @Test
    void aServerErrorInsideTheStreakIsCountedAndRestartsIt() throws Exception {
        Route route = route("r1", B1);
        gateway.set(route.host(), TestGateway.Reply.backend("b1"));
        gateway.script(route.host(), TestGateway.Reply.backend("b1"), TestGateway.Reply.backend("b1"),
                TestGateway.Reply.status(503));
        start(settings(Duration.ofMillis(5)));

        probe.expectPresent(7, route, System.nanoTime(), null);
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Events.ProbePoll> polls = polls(7);
        assertThat(polls).extracting(Events.ProbePoll::outcome)
                .containsExactly(PollOutcome.OK, PollOutcome.OK, PollOutcome.ERROR, PollOutcome.OK, PollOutcome.OK, PollOutcome.OK);
        assertThat(polls.get(2).status()).isEqualTo(503);
        assertThat(polls.get(2).detail()).isEqualTo("status 503");
        assertThat(activationSent(polls)).isEqualTo(polls.get(3).sentMono());
        assertThat(probe.stats().errors()).isEqualTo(1);
        assertThat(probe.stats().activated()).isEqualTo(1);
    }

    @Test
    void aDeletedRouteIsAbsentWhenTheGatewayAnswers404ThreeTimes() throws Exception {
        Route route = route("r1", B1);
        gateway.set(route.host(), TestGateway.Reply.backend("b1"));
        gateway.script(route.host(), TestGateway.Reply.status(502));
        start(settings(Duration.ofMillis(5)));

        probe.expectAbsent(2, route, System.nanoTime());
        gateway.awaitRequests(route.host(), 4, 10_000);
        gateway.set(route.host(), TestGateway.Reply.notFound());
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Events.ProbePoll> polls = polls(2);
        assertThat(polls.get(0).outcome()).isEqualTo(PollOutcome.ERROR);
        assertThat(polls.get(0).detail()).isEqualTo("status 502");
        assertThat(polls.subList(1, polls.size() - 3)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.NOT_YET);
            assertThat(p.detail()).isEqualTo("still-routed b1");
        });
        assertThat(polls.subList(polls.size() - 3, polls.size())).allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.OK);
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.expect()).isEqualTo(Expect.ABSENT);
        });
        assertThat(probe.stats().deactivated()).isEqualTo(1);
        assertThat(probe.stats().activated()).isZero();
        assertThat(probe.stats().errors()).isEqualTo(1);
    }

    @Test
    void aRouteThatNeverActivatesIsGivenUpAtItsTimeout() throws Exception {
        Route route = route("r1", B1);
        start(settings(Duration.ofMillis(10)).withTimeout(Duration.ofMillis(300)));

        long t0 = System.nanoTime();
        probe.expectPresent(3, route, t0, null);
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Event> events = journal.events();
        Events.ProbeGaveUp gaveUp = journal.history().select(Events.ProbeGaveUp.class).findFirst().orElseThrow();
        assertThat(gaveUp.op()).isEqualTo(3);
        assertThat(gaveUp.route()).isEqualTo(route.key());
        assertThat(gaveUp.expect()).isEqualTo(Expect.PRESENT);
        assertThat(gaveUp.waitedNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(10));
        assertThat(events.subList(events.indexOf(gaveUp), events.size()))
                .as("no polls journaled after giving up").noneMatch(Events.ProbePoll.class::isInstance);
        assertThat(polls(3)).isNotEmpty().allSatisfy(p -> assertThat(p.outcome()).isEqualTo(PollOutcome.NOT_YET));
        assertThat(probe.stats().gaveUp()).isEqualTo(1);
        assertThat(probe.stats().activated()).isZero();
    }

    @Test
    void anotherBackendAnsweringIsAnErrorButThePreviousBackendIsNotYet() throws Exception {
        Route wrong = route("r1", B1);
        Route updated = route("r2", B1);
        gateway.set(wrong.host(), TestGateway.Reply.backend("b-other"));
        gateway.set(updated.host(), TestGateway.Reply.backend("b0"));
        start(settings(Duration.ofMillis(5)));

        probe.expectPresent(4, wrong, System.nanoTime(), null);
        probe.expectPresent(5, updated, System.nanoTime(), B0);
        gateway.awaitRequests(wrong.host(), 3, 10_000);
        gateway.awaitRequests(updated.host(), 3, 10_000);
        gateway.set(wrong.host(), TestGateway.Reply.backend("b1"));
        gateway.set(updated.host(), TestGateway.Reply.backend("b1"));
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Events.ProbePoll> wrongPolls = polls(4);
        assertThat(wrongPolls.subList(0, 3)).allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.ERROR);
            assertThat(p.detail()).isEqualTo("wrong-backend b-other");
        });
        List<Events.ProbePoll> updatePolls = polls(5);
        assertThat(updatePolls.subList(0, 3)).allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.NOT_YET);
            assertThat(p.detail()).isEqualTo("previous-backend b0");
        });
        assertThat(updatePolls).noneMatch(p -> p.outcome() == PollOutcome.ERROR);
        assertThat(probe.stats().errors()).isEqualTo(wrongPolls.stream().filter(p -> p.outcome() == PollOutcome.ERROR).count());
        assertThat(probe.stats().activated()).isEqualTo(2);
    }

    @Test
    void aClosedConnectionAndAMissingAnswerAreErrorsAndTheProbeReconnects() throws Exception {
        Route route = route("r1", B1);
        gateway.set(route.host(), TestGateway.Reply.backend("b1"));
        gateway.script(route.host(), TestGateway.Reply.close(), TestGateway.Reply.hang());
        start(settings(Duration.ofMillis(5)).withConnections(1).withRequestTimeout(Duration.ofMillis(200)));

        probe.expectPresent(6, route, System.nanoTime(), null);
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        List<Events.ProbePoll> polls = polls(6);
        assertThat(polls).extracting(Events.ProbePoll::outcome).containsExactly(PollOutcome.ERROR, PollOutcome.ERROR, PollOutcome.OK, PollOutcome.OK, PollOutcome.OK);
        assertThat(polls).extracting(Events.ProbePoll::detail).startsWith("reset", "timeout");
        assertThat(polls.get(1).at().mono() - polls.get(1).sentMono())
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(probe.stats().errors()).isEqualTo(2);
    }

    @Test
    void aGatewayThatRefusesConnectionsIsAnErrorNotASilence() throws Exception {
        Route route = route("r1", B1);
        InetSocketAddress closedPort = gateway.address();
        gateway.close();
        gateway = new TestGateway(); // AfterEach closes this one; the old port now refuses
        probe = new ActivationProbe(GATEWAY, closedPort,
                settings(Duration.ofMillis(20)).withTimeout(Duration.ofMillis(300)), journal, Clock.SYSTEM);

        probe.expectPresent(8, route, System.nanoTime(), null);
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        assertThat(polls(8)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.ERROR);
            assertThat(p.detail()).isEqualTo("connect-failed");
        });
        assertThat(probe.stats().gaveUp()).isEqualTo(1);
    }

    @Test
    void aNewExpectationForARouteReplacesThePendingOne() throws Exception {
        Route route = route("r1", B1);
        gateway.set(route.host(), TestGateway.Reply.notFound());
        start(settings(Duration.ofMillis(5)).withTimeout(Duration.ofSeconds(60)));

        // Create never visible (404), then the route is deleted: the delete's expectation replaces it.
        probe.expectPresent(10, route, System.nanoTime(), null);
        gateway.awaitRequests(route.host(), 2, 10_000);
        probe.expectAbsent(11, route, System.nanoTime());
        assertThat(probe.awaitIdle(WAIT)).as("the create's expectation no longer pends").isTrue();

        assertThat(polls(11)).extracting(Events.ProbePoll::outcome).containsExactly(PollOutcome.OK, PollOutcome.OK, PollOutcome.OK);
        assertThat(polls(10)).isNotEmpty().allSatisfy(p -> assertThat(p.outcome()).isEqualTo(PollOutcome.NOT_YET));
        assertThat(journal.history().select(Events.ProbeGaveUp.class)).isEmpty();
        assertThat(probe.stats().deactivated()).isEqualTo(1);
        assertThat(probe.stats().activated()).isZero();
    }

    @Test
    void theGlobalBudgetHoldsAndThePerRouteIntervalGrowsToPendingOverBudget() throws Exception {
        int routes = 50;
        int budget = 100;
        start(settings(Duration.ofMillis(2)).withMaxRequestsPerSecond(budget).withConnections(4));
        long t0 = System.nanoTime();
        for (int i = 0; i < routes; i++) {
            probe.expectPresent(100 + i, route("r" + i, B1), t0, null); // never enabled: all stay pending
        }

        // Once every pending route was polled the probe is in its steady round; then 2 s are measured.
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.requests() >= routes);
        long c0 = gateway.requests();
        long w0 = System.nanoTime();
        Thread.sleep(2_000); // the measurement window, not a wait for an event
        long c1 = gateway.requests();
        double seconds = (System.nanoTime() - w0) / 1e9;
        double rate = (c1 - c0) / seconds;

        assertThat(rate).as("requests/s the gateway saw").isBetween(budget * 0.4, budget * 1.25);
        ProbeStats stats = probe.stats();
        assertThat(stats.pending()).isEqualTo(routes);
        assertThat(stats.intervalNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        long[] intervals = journal.history().select(Events.ProbePoll.class)
                .mapToLong(Events.ProbePoll::intervalNanos).filter(n -> n > 0).sorted().toArray();
        assertThat(intervals).isNotEmpty();
        assertThat(intervals[intervals.length / 2]).as("median journaled interval")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
        List<Events.HarnessLag> lags = journal.history().select(Events.HarnessLag.class).toList();
        assertThat(lags).allSatisfy(lag -> {
            assertThat(lag.component()).isEqualTo(HarnessComponent.ACTIVATION_PROBE);
            assertThat(lag.lagNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(4));
        });
        assertThat(lags).as("the probe says it is the bottleneck").anySatisfy(lag -> {
            assertThat(lag.backlog()).isEqualTo(routes);
            assertThat(lag.lagNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
        });
        assertThat(lags.size()).as("about one a second").isLessThanOrEqualTo(4);
    }

    @Test
    void aRouteEnabled300MillisecondsAfterT0IsMeasuredAt300Milliseconds() throws Exception {
        Route route = route("r1", B1);
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        start(settings(Duration.ofMillis(2)));

        long t0 = System.nanoTime();
        probe.expectPresent(9, route, t0, null);
        TimeUnit.NANOSECONDS.sleep(delay - (System.nanoTime() - t0));
        long enabledAt = gateway.set(route.host(), TestGateway.Reply.backend("b1"));
        assertThat(probe.awaitIdle(WAIT)).isTrue();

        long actualDelay = enabledAt - t0;
        long measured = activationSent(polls(9)) - t0;
        long tolerance = Math.max(TimeUnit.MILLISECONDS.toNanos(10), delay / 20);
        assertThat(actualDelay).isGreaterThanOrEqualTo(delay);
        // Against the moment the table really flipped (a loaded machine may wake the test late). A poll
        // sent just before the flip and read by the gateway just after it counts from its sending: the
        // figure may be early by one request's transit, as it may be late by one poll interval.
        assertThat(measured).isBetween(actualDelay - tolerance, actualDelay + tolerance);
    }

    @Test
    void aClosedProbeRefusesNewExpectations() throws Exception {
        start(settings(Duration.ofMillis(5)));
        probe.close();
        assertThatThrownBy(() -> probe.expectPresent(1, route("r1", B1), System.nanoTime(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private void start(ProbeSettings settings) {
        probe = new ActivationProbe(GATEWAY, gateway.address(), settings, journal, Clock.SYSTEM);
    }

    private static ProbeSettings settings(Duration pollInterval) {
        return ProbeSettings.defaults().withPollInterval(pollInterval).withTimeout(Duration.ofSeconds(15));
    }

    private static Route route(String name, Backend backend) {
        return new Route(new RouteKey("tenant-a", name), name + ".tenant-a.test", "/app", backend, 1);
    }

    private List<Events.ProbePoll> polls(long op) {
        return journal.history().select(Events.ProbePoll.class).filter(p -> p.op() == op).toList();
    }

    /** The activation moment as the analyses compute it: the core rule replayed over the journal. */
    private static long activationSent(List<Events.ProbePoll> polls) {
        ActivationRule rule = new ActivationRule(3);
        for (Events.ProbePoll p : polls) {
            rule.observe(p.outcome(), p.sentMono());
        }
        assertThat(rule.reached()).as("activation in the journal").isTrue();
        return rule.reachedAtSent();
    }
}
