package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory gives one line: what ran out and the option that raises it, no stack trace;
 * in {@code report} and in a run (whichever thread it hits).
 */
class HeapTooSmallTest {

    @TempDir
    Path dir;

    @Test
    void aHeapTooSmallForTheJournalIsOneLineNamingTheOption() throws Exception {
        // One event of 64 MB: no reader holds that line in a 32 MiB heap, streaming or not.
        Path run = Files.createDirectories(dir.resolve("run"));
        try (OutputStream out = Files.newOutputStream(run.resolve("journal.jsonl"))) {
            out.write("{\"type\":\"note\",\"at\":{\"mono\":1,\"wall\":1},\"level\":\"info\",\"message\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        CliProcess cli = CliProcess.start(dir, Map.of(), List.of("-Xmx32m"), "report", run.toString());
        int exit = cli.await(120);

        List<String> err = cli.err().lines().toList();
        assertThat(err).as(cli.err()).singleElement().asString()
                .matches("error: out of memory: the Java heap \\(at most \\d+ MiB\\) is full \\(Java heap space\\); "
                        + "raise it with JAVA_OPTS=-Xmx64m");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void aRunWhoseHeapIsTooSmallStopsWithOneLineAndLeavesNothingRunning() throws Exception {
        // 6,000 routes in a 20 MiB heap: the run starts, and its bookkeeping soon does not fit (3,000 fit in 24 MiB).
        Path scenario = Files.writeString(dir.resolve("oom.yaml"), """
                name: oom
                tenants: 20
                gateways:
                  - name: lab-nginx-reload
                churn:
                  concurrency: 8
                  phases:
                    - {kind: ramp, to: 6000, rate: 300}
                probe:
                  pollInterval: 5ms
                """);
        Path state = dir.resolve("state");
        CliProcess cli = CliProcess.start(dir, Map.of("GATEWAY_BENCH_STATE", state.toString()), List.of("-XX:+UseParallelGC", "-Xmx20m"),
                "run", scenario.toString(), "--output", "runs");
        int exit = cli.await(180);

        assertThat(cli.err().lines().toList()).as(cli.err()).singleElement().asString()
                .matches("error: out of memory: the Java heap \\(at most \\d+ MiB\\) is full \\(.+\\); "
                        + "raise it with JAVA_OPTS=-Xmx64m( \\(in thread .+\\))?");
        assertThat(cli.out()).as(cli.err() + cli.out()).doesNotContain("\tat ").contains("run failed: ");
        assertThat(exit).isEqualTo(1);
        assertThat(new Ledger(state.resolve("ledger")).runs()).as("the run stopped all it started").isEmpty();
    }
}
