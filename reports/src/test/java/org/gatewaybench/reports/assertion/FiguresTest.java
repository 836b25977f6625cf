package org.gatewaybench.reports.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.SampleHistories;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The figure registry reads the same figures the reports show, and says why when a run has none. */
class FiguresTest {

    private static final String NGINX = "lab-nginx-reload";
    private static final String HAPROXY = "lab-haproxy-runtime";
    private static RunAnalysis sample;

    @BeforeAll
    static void analyse() throws IOException {
        sample = RunAnalysis.of(SampleHistories.twoGateways(800));
    }

    @Test
    void namesAreUniqueAndOfTheScenarioForm() {
        List<String> names = Figures.all().stream().map(Figure::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches(Figures.PATTERN));
        assertThat(names).contains("activation.p99", "never-activated", "error-polls", "traffic.error-rate",
                "long-connections.drops-per-1000-route-changes", "faults.recovery", "resources.data-plane.memory-peak");
    }

    @Test
    void activationFiguresAreTheReportsOwn() {
        for (String gateway : List.of(NGINX, HAPROXY)) {
            ActivationFigures f = sample.activation().get(gateway).overall();
            assertThat(read("activation.p99", gateway).value()).isEqualTo((double) f.activation().p99Nanos());
            assertThat(read("activation.p50", gateway).value()).isEqualTo((double) f.activation().p50Nanos());
            assertThat(read("deactivation.max", gateway).value()).isEqualTo((double) f.deactivation().maxNanos());
            assertThat(read("never-activated", gateway).value()).isEqualTo((double) f.neverActivated());
            assertThat(read("error-polls", gateway).value()).isEqualTo((double) f.errorPolls());
            assertThat(read("activation.p99", gateway).detail()).isEqualTo("of " + f.activation().count()
                    + " activated routes");
        }
        assertThat(read("never-activated", NGINX).value()).isEqualTo(2);
        assertThat(read("config-applies.failed", NGINX).value()).isZero();
    }

    @Test
    void isolationChecksAreCountedByVerdictAndTheDetailNamesThem() throws IOException {
        RunAnalysis a = RunAnalysis.of(IsolationJournals.run().history());
        Measured nginx = Figures.require("isolation.violated").read(a, "nginx");
        assertThat(nginx.value()).isEqualTo(3);
        assertThat(nginx.detail()).contains("same-host-same-path").contains("config-poisoning")
                .contains("control-plane-exposure").endsWith("of 3 checks");
        assertThat(Figures.require("isolation.violated").read(a, "haproxy")).isEqualTo(
                new Measured(0.0, "of 3 checks"));
        Assertion none = Assertion.of("isolation.violated", "== 0", List.of());
        assertThat(none.evaluate(a, "nginx").passed()).isFalse();
        assertThat(none.evaluate(a, "haproxy").passed()).isTrue();
        assertThat(Figures.require("isolation.violated").read(sample, NGINX).detail())
                .isEqualTo("not measured: no isolation check ran on " + NGINX);
    }

    @Test
    void aFigureTheRunDoesNotHaveIsNotMeasuredAndFails() {
        assertThat(read("traffic.error-rate", HAPROXY)).isEqualTo(new Measured(null,
                "not measured: no traffic was sent to " + HAPROXY));
        assertThat(read("faults.recovery", HAPROXY).detail()).isEqualTo("not measured: no fault was injected into "
                + HAPROXY);
        assertThat(read("activation.p99", "envoy-gateway").detail()).isEqualTo(
                "not measured: gateway envoy-gateway is not in this run");
        AssertionResult r = Assertion.of("traffic.error-rate", "<= 100%", List.of()).evaluate(sample, HAPROXY);
        assertThat(r.passed()).isFalse();
        assertThat(r.measured()).isNull();
        assertThat(r.measuredText()).isEqualTo("not measured");
    }

    @Test
    void trafficFaultsAndMemoryAreReadFromTheirAnalyses() throws IOException {
        List<Event> events = new ArrayList<>(SampleHistories.twoGateways(50).events());
        long t = events.get(events.size() - 1).at().mono() - 1;
        Stamp at = new Stamp(t, 0);
        events.add(new Events.TrafficSummary(at, HAPROXY, t - 1_000_000_000L, 1_000_000_000L, 100, 2000, 1996, 4, 1, 2,
                3, 7, 9, 1.5, Map.of("200", 1996L), 0, Map.of(), "gatling"));
        events.add(new Events.ResourceSummary(at, HAPROXY, "haproxy", 2, 1, 0, 3.0, 40L << 20));
        events.add(new Events.ResourceSummary(at, HAPROXY, "controller", 1, 0, 0, 3.0, 900L << 20));
        RunAnalysis a = RunAnalysis.of(History.of(events));
        assertThat(Figures.require("traffic.error-rate").read(a, HAPROXY).value()).isEqualTo(0.2);
        assertThat(Figures.require("traffic.errors").read(a, HAPROXY).value()).isEqualTo(4);
        assertThat(Figures.require("traffic.p99").read(a, HAPROXY).value()).isEqualTo(7e6);
        Measured memory = Figures.require("resources.data-plane.memory-peak").read(a, HAPROXY);
        assertThat(memory.value()).as("the controller is not the data plane").isEqualTo(40.0 * 1024 * 1024);
        assertThat(memory.detail()).startsWith("component haproxy");
        assertThat(Assertion.of("resources.data-plane.memory-peak", "<= 512MiB", List.of()).evaluate(a, HAPROXY)
                .passed()).isTrue();
        assertThat(Assertion.of("traffic.error-rate", "<= 0.1%", List.of()).evaluate(a, HAPROXY).passed()).isFalse();
    }

    @Test
    void anUnknownFigureIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Assertion.of("activation.p999", "<= 5s", List.of())).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> {
                    assertThat(e.field()).isEqualTo("figure");
                    assertThat(e.found()).isEqualTo("'activation.p999'");
                    assertThat(e.expected()).contains("activation.p99, ");
                });
    }

    @Test
    void anAssertionAppliesToTheGatewaysItNames() {
        Assertion all = Assertion.of("activation.p99", "<= 5s", List.of());
        Assertion one = Assertion.of("activation.p99", "<= 5s", List.of(HAPROXY));
        assertThat(all.appliesTo(NGINX)).isTrue();
        assertThat(one.appliesTo(NGINX)).isFalse();
        assertThat(one.appliesTo(HAPROXY)).isTrue();
    }

    private static Measured read(String figure, String gateway) {
        return Figures.require(figure).read(sample, gateway);
    }
}
