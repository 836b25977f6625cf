package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Pattern;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

/** A large run's charts stay a readable size: marks are sampled and say so, apply ticks merge per pixel. */
class LargeRunChartsTest {

    private static final int WRITES = 20_000;

    private static String latencyOverTime() throws IOException {
        Journals j = new Journals().runStarted("gw").gatewayStarted("gw", 0);
        for (int op = 1; op <= WRITES; op++) {
            double t = op * 5.0;
            j.write("gw", op, "create", t).gaveUp("gw", op, "present", t + 300_000);
            j.apply("gw", op, "runtime-api", op, 1, t, t + 1, op % 1000 != 0);
        }
        RunAnalysis a = RunAnalysis.of(j.history());
        return Charts.latencyOverTime(a.activation().get("gw"), a.configApplies().get("gw"),
                a.layout().phases("gw"), "#123456");
    }

    private static long count(String svg, String pattern) {
        return Pattern.compile(pattern).matcher(svg).results().count();
    }

    @Test
    void givenUpWritesAreSampledAndTheChartSaysSo() throws IOException {
        String svg = latencyOverTime();
        long crosses = count(svg, "class=\"gave-up\"");
        assertThat(crosses).isPositive().isLessThanOrEqualTo(Charts.MAX_MARKS);
        assertThat(svg).contains("one given-up write in " + (WRITES + Charts.MAX_MARKS - 1) / Charts.MAX_MARKS);
    }

    @Test
    void applyTicksAreOnePerPixelColumnAndAFailedApplyStillShows() throws IOException {
        String svg = latencyOverTime();
        long ticks = count(svg, "class=\"apply-tick\"") + count(svg, "class=\"apply-tick failed\"");
        assertThat(ticks).as("ticks for %d applies", WRITES).isLessThanOrEqualTo(Charts.WIDTH);
        assertThat(count(svg, "class=\"apply-tick failed\"")).as("20 failed applies, 20 columns at most").isBetween(1L, 20L);
    }
}
