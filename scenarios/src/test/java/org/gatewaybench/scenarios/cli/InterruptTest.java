package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a run, as a user presses it: SIGINT to the CLI process. */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsEveryChildClosesTheJournalAndThePartialRunStillReports() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long.yaml"), """
                name: long
                gateways:
                  - name: lab-nginx-reload
                    options:
                      workerProcesses: 2
                churn:
                  phases:
                    - kind: ramp
                      to: 200
                      rate: 50
                    - kind: steady
                      rate: 20
                      population: 200
                      duration: 5m
                probe:
                  pollInterval: 20ms
                """);
        try (CliProcess cli = CliProcess.start(dir, "run", scenario.toString(), "--output", "runs")) {
            Path journal = awaitJournalWithCompletedWrites(dir.resolve("runs"), 60);
            List<ProcessHandle> children = ProcessHandle.of(cli.pid()).orElseThrow().descendants().toList();
            assertThat(children).as("nginx master and workers run under the CLI").hasSizeGreaterThanOrEqualTo(3);

            new ProcessBuilder("kill", "-s", "INT", Long.toString(cli.pid())).start().waitFor();

            assertThat(cli.await(60)).as("exit code after SIGINT").isEqualTo(130);
            assertThat(children).as("every child process is gone").noneMatch(ProcessHandle::isAlive);
            assertThat(CliProcess.processesUsing(dir)).isEmpty();

            History history = JournalReader.read(journal);
            assertThat(history.truncatedTail()).isFalse();
            assertThat(history.events().get(history.events().size() - 1))
                    .isInstanceOfSatisfying(Events.RunEnded.class, end -> assertThat(end.outcome())
                            .isEqualTo(RunOutcome.INTERRUPTED));
            assertThat(history.select(Events.OpCompleted.class).count()).isGreaterThanOrEqualTo(50);

            Path runDir = journal.getParent();
            Files.deleteIfExists(runDir.resolve("report.html"));
            assertThat(Main.execute("report", runDir.toString())).isZero();
            String report = Files.readString(runDir.resolve("report.html"));
            assertThat(report).contains("interrupted");

            // A journal broken in the middle is bad input: refused with its line, the report left as it was.
            List<String> lines;
            try (var in = new GZIPInputStream(Files.newInputStream(journal))) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
            }
            lines.set(5, "not an event");
            try (var out = new GZIPOutputStream(Files.newOutputStream(journal))) {
                out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(Main.execute("report", runDir.toString())).isEqualTo(2);
            assertThat(Files.readString(runDir.resolve("report.html"))).isEqualTo(report);
        }
    }

    /** Waits (at most {@code seconds}) until the run's journal holds 50 acknowledged writes; returns its path. */
    private static Path awaitJournalWithCompletedWrites(Path runs, long seconds) {
        return await("a journal with 50 acknowledged writes under " + runs).atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> journalWithCompletedWrites(runs, 50), Optional::isPresent).orElseThrow();
    }

    private static Optional<Path> journalWithCompletedWrites(Path runs, long writes) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(runs)) {
            for (Path run : list.toList()) {
                Path journal = run.resolve(JournalReader.NAME);
                // The run is still writing it: read what has been flushed so far, as a crash would leave it.
                if (Files.exists(journal) && JournalReader.read(journal).select(Events.OpCompleted.class).count()
                        >= writes) {
                    return Optional.of(journal);
                }
            }
        }
        return Optional.empty();
    }
}
