package org.gatewaybench.scenarios.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.CheckEvents;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.probes.isolation.IsolationPlan;
import org.gatewaybench.probes.isolation.IsolationProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration of the isolation probe on the lab's real nginx and HAProxy: for each check, lab
 * configurations whose answer is known by construction, and the verdict and evidence the probe
 * gives for each. Every verdict is also judged again from the journal (as the analyses do) and
 * must be the same.
 */
class IsolationCalibrationTest {

    private static final String NGINX = "lab-nginx-reload";
    private static final String HAPROXY = "lab-haproxy-runtime";

    @TempDir
    Path dir;

    private final RecordingJournal recording = new RecordingJournal();
    private final ObservedJournal journal = new ObservedJournal(recording);
    private EmbeddedFixture fixture;
    private List<Backend> backends;
    private Gateway gateway;
    private int installs;

    @BeforeEach
    void startLab() {
        fixture = new EmbeddedFixture(dir.resolve("lab"));
        fixture.start();
        backends = fixture.startBackends(3);
    }

    @AfterEach
    void stopLab() {
        if (gateway != null) {
            gateway.close();
        }
        fixture.close();
    }

    private static IsolationPlan plan(IsolationCheck check, int stormRoutes, double stormRate, double ratio,
                                      Duration floor) {
        return new IsolationPlan(List.of(check), "iso-victim", "iso-attacker", List.of("iso-quiet-1", "iso-quiet-2"),
                "iso.calibration.test", Duration.ofMillis(500), ratio, floor, Duration.ofSeconds(3), stormRoutes,
                stormRate, 5, Duration.ofSeconds(2), Duration.ofMillis(10), 3, Duration.ofSeconds(15),
                Duration.ofSeconds(2));
    }

    private Events.IsolationVerdict verdict(String driverName, Map<String, String> options, IsolationCheck check) {
        return verdict(driverName, options, plan(check, 100, 100, 3, Duration.ofMillis(50)));
    }

    /** Installs {@code driverName} with {@code options} (closing the one before), runs the plan's one check. */
    private Events.IsolationVerdict verdict(String driverName, Map<String, String> options, IsolationPlan plan) {
        if (gateway != null) {
            gateway.close();
        }
        GatewayDriver driver = GatewayCatalog.find(driverName).orElseThrow();
        gateway = driver.install(new InstallContext(fixture, journal, Clock.SYSTEM, options, backends,
                dir.resolve("g" + ++installs)));
        int from = recording.events().size();
        try {
            Events.IsolationVerdict v = new IsolationProbe(driverName, gateway.dataPlane(), gateway.routes(),
                    gateway.isolation(), driver.isolation(FixtureKind.EMBEDDED), plan, backends, journal,
                    Clock.SYSTEM).run().get(0);
            assertThat(judgedAgain(recording.events().subList(from, recording.events().size())))
                    .as("the journal judged again").isEqualTo(new IsolationJudge.Judgement(v.verdict(), v.reason(),
                            v.figures()));
            return v;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The check's events as an analysis collects them from the journal, judged. */
    private static IsolationJudge.Judgement judgedAgain(List<Event> events) {
        CheckEvents.Collector collector = null;
        for (Event e : events) {
            if (e instanceof Events.IsolationCheckStarted started) {
                collector = new CheckEvents.Collector(started);
            } else if (collector != null) {
                collector.accept(e);
            }
        }
        return IsolationJudge.judge(collector.events(), 3);
    }

    private long requests(Events.IsolationVerdict v) {
        return recording.events().stream().filter(Events.IsolationRequest.class::isInstance)
                .map(Events.IsolationRequest.class::cast).filter(r -> r.gateway().equals(v.gateway())
                        && r.check() == v.check()).count();
    }

    @Test
    void sameHostSamePathHoldsWhenTheOldestWinsAndIsTakenWhenTheNewestDoes() {
        Events.IsolationVerdict oldest = verdict(NGINX, Map.of(), IsolationCheck.SAME_HOST_SAME_PATH);
        assertThat(oldest.verdict()).as(oldest.reason()).isEqualTo(Verdict.HELD);
        assertThat(oldest.figures()).containsEntry("capturedDuring", 0.0);
        assertThat(oldest.figures().get("requestsDuring")).isGreaterThan(10.0);

        Events.IsolationVerdict newest = verdict(HAPROXY, Map.of("conflictPolicy", "newest-wins"),
                IsolationCheck.SAME_HOST_SAME_PATH);
        assertThat(newest.verdict()).as(newest.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(newest.figures().get("capturedDuring")).isGreaterThan(0.0);
        assertThat(newest.figures()).as("A gets its host back").containsEntry("victimLostAfter", 0.0);

        Events.IsolationVerdict strict = verdict(HAPROXY, Map.of("hostOwnership", "strict"),
                IsolationCheck.SAME_HOST_SAME_PATH);
        assertThat(strict.verdict()).as(strict.reason()).isEqualTo(Verdict.REFUSED);
        assertThat(strict.reason()).contains("admission-denied").contains("claimed by tenant iso-victim");
    }

    @Test
    void subPathCaptureTakesTheRequestsUnderBsPrefixUnlessHostsBelongToTenants() {
        Events.IsolationVerdict shared = verdict(NGINX, Map.of(), IsolationCheck.SUB_PATH_CAPTURE);
        assertThat(shared.verdict()).as(shared.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(shared.reason()).contains("paths that reached B: /api, /api/v1/users, /apix (of /, /api,");
        assertThat(requests(shared)).isGreaterThan(20);

        Events.IsolationVerdict dropped = verdict(NGINX, Map.of("hostOwnership", "strict", "routeValidation", "false"),
                IsolationCheck.SUB_PATH_CAPTURE);
        assertThat(dropped.verdict()).as("the controller drops B's route: " + dropped.reason()).isEqualTo(Verdict.HELD);
        assertThat(dropped.figures()).containsEntry("pathsCaptured", 0.0);

        Events.IsolationVerdict refused = verdict(HAPROXY, Map.of("hostOwnership", "strict"),
                IsolationCheck.SUB_PATH_CAPTURE);
        assertThat(refused.verdict()).as(refused.reason()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void wildcardCaptureAnswersAsDeletedHostUnlessTheDomainIsAs() {
        Events.IsolationVerdict shared = verdict(HAPROXY, Map.of(), IsolationCheck.WILDCARD_CAPTURE);
        assertThat(shared.verdict()).as(shared.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(shared.figures()).as("an exact host wins over a wildcard").containsEntry("activeCaptured", 0.0)
                .containsEntry("wildcardLive", 1.0);
        assertThat(shared.figures().get("deletedCaptured")).isGreaterThan(0.0);

        Events.IsolationVerdict strict = verdict(NGINX, Map.of("hostOwnership", "strict", "routeValidation", "false"),
                IsolationCheck.WILDCARD_CAPTURE);
        assertThat(strict.verdict()).as(strict.reason()).isEqualTo(Verdict.HELD);
        assertThat(strict.figures()).containsEntry("wildcardLive", 0.0).containsEntry("deletedCaptured", 0.0);
    }

    @Test
    void crossNamespaceBackendReachesAWhenFollowedAndNotWhenRefused() {
        Events.IsolationVerdict follow = verdict(NGINX, Map.of(), IsolationCheck.CROSS_NAMESPACE_BACKEND);
        assertThat(follow.verdict()).as(follow.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(follow.figures().get("reachedVictimBackend")).isGreaterThan(0.0);

        Events.IsolationVerdict refuse = verdict(HAPROXY, Map.of(), IsolationCheck.CROSS_NAMESPACE_BACKEND);
        assertThat(refuse.verdict()).as(refuse.reason()).isEqualTo(Verdict.REFUSED);

        Events.IsolationVerdict dropped = verdict(HAPROXY, Map.of("routeValidation", "false"),
                IsolationCheck.CROSS_NAMESPACE_BACKEND);
        assertThat(dropped.verdict()).as(dropped.reason()).isEqualTo(Verdict.HELD);
        assertThat(dropped.figures()).containsEntry("reachedVictimBackend", 0.0);
        assertThat(dropped.figures().get("answered404")).isGreaterThan(0.0);
    }

    @Test
    void configPoisoningStallsEveryTenantOnAReloadButOnlyItselfOnAMap() {
        Events.IsolationVerdict reload = verdict(NGINX, Map.of("routeValidation", "false"),
                IsolationCheck.CONFIG_POISONING);
        assertThat(reload.verdict()).as(reload.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(reload.figures()).containsEntry("stalledWrites", 2.0).containsEntry("tenantsDelayed", 2.0)
                .containsEntry("recovered", 1.0).containsKey("resumedAfterDeleteMs");
        assertThat(recording.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                Events.ConfigApplyEnded.class, a -> assertThat(a.detail()).contains("nginx refused the reload")));

        Events.IsolationVerdict map = verdict(HAPROXY, Map.of("routeValidation", "false"),
                IsolationCheck.CONFIG_POISONING);
        assertThat(map.verdict()).as("HAProxy's map refuses the one bad entry: " + map.reason())
                .isEqualTo(Verdict.HELD);
        assertThat(map.figures()).containsEntry("stalledWrites", 0.0);

        Events.IsolationVerdict validated = verdict(NGINX, Map.of(), IsolationCheck.CONFIG_POISONING);
        assertThat(validated.verdict()).as(validated.reason()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void snippetsReachAsAnswersAndThePlantedFileOnlyWhenAllowed() {
        Events.IsolationVerdict allowed = verdict(NGINX, Map.of("snippetAnnotations", "true"),
                IsolationCheck.SNIPPET_INJECTION);
        assertThat(allowed.verdict()).as(allowed.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(allowed.figures().get("canaryHeaders")).isGreaterThan(0.0);
        assertThat(allowed.figures().get("canaryFileReads")).isGreaterThan(0.0);

        Events.IsolationVerdict refused = verdict(NGINX, Map.of(), IsolationCheck.SNIPPET_INJECTION);
        assertThat(refused.verdict()).as(refused.reason()).isEqualTo(Verdict.REFUSED);
        assertThat(refused.reason()).contains("Snippet directives are disabled");

        Events.IsolationVerdict dropped = verdict(NGINX, Map.of("routeValidation", "false"),
                IsolationCheck.SNIPPET_INJECTION);
        assertThat(dropped.verdict()).as(dropped.reason()).isEqualTo(Verdict.HELD);
        assertThat(dropped.figures()).containsEntry("canaryHeaders", 0.0).containsEntry("canaryFileReads", 0.0)
                .containsEntry("canaryPlanted", 1.0);

        Events.IsolationVerdict haproxy = verdict(HAPROXY, Map.of(), IsolationCheck.SNIPPET_INJECTION);
        assertThat(haproxy.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(haproxy.reason()).contains("no annotation carries configuration");
    }

    @Test
    void theRuntimeApiAnswersATenantOnlyWhenExposedOnTcp() {
        Events.IsolationVerdict tcp = verdict(HAPROXY, Map.of("runtimeApi", "tcp"),
                IsolationCheck.CONTROL_PLANE_EXPOSURE);
        assertThat(tcp.verdict()).as(tcp.reason()).isEqualTo(Verdict.VIOLATED);
        assertThat(tcp.reason()).contains("runtime-api (admin, 127.0.0.1:").contains(": 2.");

        Events.IsolationVerdict unix = verdict(HAPROXY, Map.of(), IsolationCheck.CONTROL_PLANE_EXPOSURE);
        assertThat(unix.verdict()).as(unix.reason()).isEqualTo(Verdict.HELD);
        assertThat(unix.figures()).containsEntry("endpointsTried", 1.0).containsEntry("endpointsReached", 0.0);

        Events.IsolationVerdict nginx = verdict(NGINX, Map.of(), IsolationCheck.CONTROL_PLANE_EXPOSURE);
        assertThat(nginx.verdict()).isEqualTo(Verdict.HELD);
        List<Map<String, String>> settings = recording.events().stream()
                .filter(Events.IsolationSettingsRecorded.class::isInstance)
                .map(e -> ((Events.IsolationSettingsRecorded) e).settings()).toList();
        assertThat(settings).extracting(s -> s.get("runtime-api")).as("where the runtime API listened, each time")
                .satisfiesExactly(tcpApi -> assertThat(tcpApi).startsWith("127.0.0.1:"),
                        unixApi -> assertThat(unixApi).startsWith("unix:/").endsWith(".sock"),
                        none -> assertThat(none).isNull());
        assertThat(settings.get(2)).containsEntry("gateway", NGINX).containsEntry("snippetAnnotations", "false")
                .containsEntry("conflictPolicy", "oldest-wins").containsKey("version");
    }

    /**
     * nginx renders and reloads the whole configuration for every change, so a storm of thousands of
     * routes slows every quiet tenant; HAProxy takes a small storm as map entries without a reload.
     * Timing-bound: on a loaded machine rerun it alone before judging.
     */
    @Test
    void aRouteStormSlowsQuietTenantsOnAReloadingDataPlane() {
        Events.IsolationVerdict reload = verdict(NGINX, Map.of(),
                plan(IsolationCheck.NOISY_NEIGHBOUR, 6000, 3000, 3, Duration.ofMillis(100)));
        assertThat(reload.verdict()).as(reload.reason()).isEqualTo(Verdict.DEGRADED);
        assertThat(reload.figures().get("ratioP99")).isGreaterThan(3.0);
        assertThat(reload.figures()).containsEntry("stormRoutes", 6000.0);

        Events.IsolationVerdict runtime = verdict(HAPROXY, Map.of(),
                plan(IsolationCheck.NOISY_NEIGHBOUR, 300, 150, 10, Duration.ofMillis(500)));
        assertThat(runtime.verdict()).as(runtime.reason()).isEqualTo(Verdict.HELD);
        assertThat(runtime.figures().get("quietDuring")).isGreaterThanOrEqualTo(5.0);
    }
}
