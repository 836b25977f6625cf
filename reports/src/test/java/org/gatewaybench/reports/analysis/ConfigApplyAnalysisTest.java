package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaybench.reports.Journals.nanos;

import org.HdrHistogram.Histogram;
import org.gatewaybench.reports.Journals;
import org.junit.jupiter.api.Test;
import java.io.IOException;

class ConfigApplyAnalysisTest {

    private static final Histogram PRECISION = LatencyStats.newHistogram();

    @Test
    void appliesArePairedAndMeasuredPerGateway() throws IOException {
        Journals j = new Journals().runStarted("nginx", "haproxy")
                .gatewayStarted("nginx", 1000)
                .apply("nginx", 1, "reload", 100, 100, 3000, 3200, true)
                .apply("nginx", 2, "reload", 300, 200, 5000, 5400, true)
                .apply("nginx", 3, "reload", 500, 200, 7000, 7100, false)
                .append(new org.gatewaybench.core.journal.Events.ConfigApplyStarted(Journals.at(9000), "nginx", 4,
                        "reload", 600, 100))
                .gatewayStarted("haproxy", 20_000)
                .apply("haproxy", 1, "runtime-api", 1, 1, 20_010, 20_012, true);
        RunAnalysis analysis = RunAnalysis.of(j.history());

        GatewayConfigApplies nginx = analysis.configApplies().get("nginx");
        ConfigApplyFigures f = nginx.figures();
        assertThat(f.applies()).isEqualTo(4);
        assertThat(f.failed()).isEqualTo(1);
        assertThat(f.unfinished()).isEqualTo(1);
        assertThat(f.mechanisms()).containsExactly("reload");
        assertThat(f.duration().count()).as("successful applies only").isEqualTo(2);
        assertThat(f.duration().p50Nanos()).isEqualTo(PRECISION.highestEquivalentValue(nanos(200)));
        assertThat(f.duration().maxNanos()).isEqualTo(PRECISION.highestEquivalentValue(nanos(400)));
        assertThat(f.meanChanges()).isEqualTo(150.0);
        assertThat(f.maxRoutes()).isEqualTo(600);
        assertThat(nginx.applies()).extracting(ConfigApply::routes, ConfigApply::durationNanos, ConfigApply::ok)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100, nanos(200), true),
                        org.assertj.core.groups.Tuple.tuple(300, nanos(400), true),
                        org.assertj.core.groups.Tuple.tuple(500, nanos(100), false),
                        org.assertj.core.groups.Tuple.tuple(600, -1L, false));
        assertThat(nginx.applies().get(0).startSeconds()).as("since the gateway started").isEqualTo(2.0);

        ConfigApplyFigures haproxy = analysis.configApplies().get("haproxy").figures();
        assertThat(haproxy.applies()).isEqualTo(1);
        assertThat(haproxy.mechanisms()).containsExactly("runtime-api");
        assertThat(haproxy.duration().p50Nanos()).isEqualTo(PRECISION.highestEquivalentValue(nanos(2)));
    }

    @Test
    void aGatewayWithoutAppliesHasEmptyFigures() throws IOException {
        RunAnalysis analysis = RunAnalysis.of(new Journals().runStarted("g").history());
        ConfigApplyFigures f = analysis.configApplies().get("g").figures();
        assertThat(f.applies()).isZero();
        assertThat(f.duration()).isEqualTo(LatencyStats.EMPTY);
        assertThat(f.meanChanges()).isZero();
    }
}
