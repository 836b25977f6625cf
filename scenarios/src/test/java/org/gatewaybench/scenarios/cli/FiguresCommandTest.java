package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gatewaybench.reports.assertion.Figure;
import org.gatewaybench.reports.assertion.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gateway-bench figures` lists every figure an assertion can bound, with its unit, analysis and help. */
class FiguresCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryFigureWithHowABoundWritesIt() throws Exception {
        try (CliProcess cli = CliProcess.start(dir, "figures")) {
            assertThat(cli.await(60)).isZero();
            String out = cli.out();
            for (Figure f : Figures.all()) {
                assertThat(out).contains(f.name() + "  (" + f.unit() + ": " + f.unit().form() + "; from the "
                        + f.family().word() + " analysis)\n  " + f.help() + "\n");
            }
            assertThat(out).contains("activation.p99  (duration: a duration like 250ms, 5s or 1m; from the activation "
                    + "analysis)", "resources.data-plane.memory-peak  (size: ");
        }
    }
}
