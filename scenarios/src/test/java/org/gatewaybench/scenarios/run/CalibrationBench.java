package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LatencyStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How well the activation probe measures a known delay under load: lab-haproxy-runtime with
 * {@code applyDelay: D} applied to every change ({@code applyDelayEach}, and once per batch for
 * contrast) at 10, 100 and 1,000 writes/s, and with 1,000 and 10,000 routes pending at once
 * (rate x D). A benchmark (tag "bench"), not part of the normal build; every load is bounded by
 * its ramp (at most 15,000 writes) and the probe's 60 s timeout. Run with
 * <pre>./mvnw -B -pl scenarios -am verify -Dtest=CalibrationBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results: scenarios/target/calibration-bench.txt and docs/performance.md.
 */
@Tag("bench")
class CalibrationBench {

    /** One cell: D, writes/s, routes written, and whether D is applied per change. */
    private record Cell(String delay, int rate, int routes, boolean each) {
    }

    private static final List<Cell> CELLS = List.of(new Cell("300ms", 10, 50, true), new Cell("300ms", 10, 50, false),
            new Cell("300ms", 100, 500, true), new Cell("300ms", 100, 500, false),
            new Cell("300ms", 1000, 3000, true), new Cell("300ms", 1000, 3000, false),
            new Cell("1s", 1000, 5000, true), new Cell("10s", 1000, 15000, true));

    @TempDir
    Path dir;

    @Test
    void injectedDelayAgainstMeasuredActivation() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| D | applied | writes/s asked | pending (rate x D) | routes | activated | p50 ms | p99 ms | "
                + "p50 error | p99 error | error polls |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        int n = 0;
        for (Cell c : CELLS) {
            LabRuns.Run run = LabRuns.run(Files.createDirectories(dir.resolve("c" + n++)), """
                    name: calibration
                    tenants: 20
                    gateways:
                      - name: lab-haproxy-runtime
                        options:
                          applyDelay: %s
                          applyDelayEach: %s
                    churn:
                      concurrency: 16
                      phases:
                        - kind: ramp
                          to: %d
                          rate: %d
                    probe:
                      pollInterval: 5ms
                      timeout: 60s
                      maxRequestsPerSecond: 6000
                      connections: 32
                    """.formatted(c.delay(), c.each(), c.routes(), c.rate()));
            assertThat(run.result().outcome()).as(run.console()).isEqualTo(RunOutcome.COMPLETED);
            LatencyStats s = run.analysis().activation().get("lab-haproxy-runtime").overall().activation();
            double d = org.gatewaybench.core.time.Durations.parse(c.delay()).toNanos();
            lines.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %d |",
                    c.delay(), c.each() ? "each change" : "once per batch", c.rate(),
                    Math.round(c.rate() * d / 1e9), c.routes(), s.count(), FigureFormat.millis(s.p50Nanos()),
                    FigureFormat.millis(s.p99Nanos()), FigureFormat.change(Math.round((s.p50Nanos() - d) / 1e5) / 10.0),
                    FigureFormat.change(Math.round((s.p99Nanos() - d) / 1e5) / 10.0),
                    run.analysis().activation().get("lab-haproxy-runtime").overall().errorPolls()));
            Files.write(Path.of("target", "calibration-bench.txt"), lines);
        }
    }
}
