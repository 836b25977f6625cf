package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaybench.reports.Journals.nanos;

import java.io.IOException;
import java.util.Map;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.confidence.FigureSpread;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.junit.jupiter.api.Test;

class RepetitionAnalysisTest {

    @Test
    void repetitionsOfAGatewayAreGroupedAndEachFigureHasItsMedianAndInterval() throws IOException {
        Journals j = repeated();

        Map<String, GatewayRepetitions> reps = RunAnalysis.of(j.history()).repetitions();

        assertThat(reps.keySet()).containsExactly("a", "b");
        assertThat(reps.get("a").repetitions()).containsExactly("a#1", "a#2", "a#3");
        FigureSpread p50 = reps.get("a").figure(RepeatedFigure.ACTIVATION_P50).orElseThrow();
        // Route i of a repetition activates base + i ms: its p50 (10th of 20) is base + 9.
        assertThat(p50.values()).containsExactly(hdr(109), hdr(119), hdr(129));
        assertThat(p50.interval().median()).isEqualTo(hdr(119));
        assertThat(p50.interval().low()).isLessThanOrEqualTo(hdr(119)).isGreaterThanOrEqualTo(hdr(100));
        assertThat(p50.interval().high()).isGreaterThanOrEqualTo(hdr(119)).isLessThanOrEqualTo(hdr(139));
        assertThat(p50.interval().samples()).isEqualTo(60);
        FigureSpread b50 = reps.get("b").figure(RepeatedFigure.ACTIVATION_P50).orElseThrow();
        assertThat(b50.interval().overlaps(p50.interval())).as("300 ms against 120 ms").isFalse();

        FigureSpread never = reps.get("b").figure(RepeatedFigure.NEVER_ACTIVATED).orElseThrow();
        assertThat(never.values()).containsExactly(1.0, 2.0, 3.0);
        assertThat(never.interval().median()).isEqualTo(2);
        assertThat(never.interval().low()).isEqualTo(1);
        assertThat(never.interval().high()).isEqualTo(3);
        assertThat(reps.get("a").figure(RepeatedFigure.DEACTIVATION_P50)).as("nothing was deleted").isEmpty();
        assertThat(reps.get("a").figure(RepeatedFigure.LONG_CONNECTION_DROPS)).as("none held").isEmpty();
    }

    @Test
    void aRunWithoutRepetitionsHasOnePerGatewayWithIntervalsOverRoutesOnly() throws IOException {
        Journals j = new Journals().runStarted("a", "b").activatedRoutes("a", 0, 100, 1)
                .activatedRoutes("b", 1_000, 100, 0);

        GatewayRepetitions a = RunAnalysis.of(j.history()).repetitions().get("a");

        assertThat(a.repetitions()).containsExactly("a");
        assertThat(a.figure(RepeatedFigure.ACTIVATION_P99).orElseThrow().interval().bounded())
                .as("routes are resampled").isTrue();
        assertThat(a.figure(RepeatedFigure.NEVER_ACTIVATED).orElseThrow().interval().bounded())
                .as("one count varies with nothing").isFalse();
        assertThat(a.figure(RepeatedFigure.ACTIVATION_MAX).orElseThrow().interval().bounded()).isFalse();
    }

    @Test
    void renderingTheSameJournalAgainGivesTheSameIntervals() throws IOException {
        Journals j = new Journals().runStarted("a#1", "a#2").activatedRoutes("a#1", 0, 100, 0)
                .activatedRoutes("a#2", 1_000, 140, 0);

        assertThat(RunAnalysis.of(j.history()).repetitions()).isEqualTo(RunAnalysis.of(j.history()).repetitions());
    }

    /** Three repetitions of a (about 120 ms) and of b (about 300 ms, some routes never activated), interleaved. */
    static Journals repeated() {
        return new Journals().runStarted("a#1", "b#1", "a#2", "b#2", "a#3", "b#3")
                .activatedRoutes("a#1", 0, 100, 0).activatedRoutes("b#1", 1_000, 300, 1)
                .activatedRoutes("a#2", 2_000, 110, 0).activatedRoutes("b#2", 3_000, 280, 2)
                .activatedRoutes("a#3", 4_000, 120, 0).activatedRoutes("b#3", 5_000, 320, 3);
    }

    private static double hdr(double ms) {
        return LatencyStats.newHistogram().highestEquivalentValue(nanos(ms));
    }
}
