package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gatewaybench.core.io.SmallFileSystem;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.core.ledger.LedgerRun;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the run folder fills up mid-run (a small tmpfs the test mounts and then fills):
 * the run stops as failed, its processes end, the error names the journal and the cause, and the
 * journal holds what was written before.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private List<ProcessIdentity> running = List.of();

    @AfterEach
    void endWhatTheTestLeft() {
        running.stream().filter(ProcessIdentity::isRunning)
                .forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aFullDiskStopsTheRunCleanly() throws Exception {
        Path scenario = Files.writeString(dir.resolve("full.yaml"), """
                name: full
                gateways:
                  - name: lab-nginx-reload
                    options: {workerProcesses: 2}
                churn:
                  phases:
                    - {kind: ramp, to: 100, rate: 50}
                    - {kind: steady, rate: 20, population: 100, duration: 5m}
                probe:
                  pollInterval: 20ms
                """);
        Path state = dir.resolve("state");
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("small"), "16m")) {
            Path journal;
            int exit;
            try (CliProcess cli = CliProcess.start(dir, Map.of("GATEWAY_BENCH_STATE", state.toString()), List.of(),
                    "run", scenario.toString(), "--output", fs.root().toString())) {
                journal = await("a journal with 50 acknowledged writes").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> journalWithWrites(fs.root(), 50), Optional::isPresent).orElseThrow();
                Ledger ledger = new Ledger(state.resolve("ledger"));
                running = await("nginx master and two workers, as the run's ledger entry records them")
                        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> ledger.runs().get(0).leftovers(ProcessTable.now()).stream()
                                .flatMap(l -> l.running().stream()).toList(), r -> r.size() >= 3);

                long filled = fs.fill();
                assertThat(filled).isPositive();
                exit = cli.await(60);
                assertThat(cli.err()).contains("error: cannot ").contains("the journal " + journal
                        + ": No space left on device; the journal holds what was written before");
                assertThat(cli.out()).contains("run failed: ").contains("reports not rendered: the journal could not "
                        + "be written (render it with: gateway-bench report " + journal.getParent() + ")");
            }
            assertThat(exit).isEqualTo(1);
            await("the run's processes to end").atMost(Duration.ofSeconds(10))
                    .until(() -> running.stream().noneMatch(ProcessIdentity::isRunning));
            assertThat(new Ledger(state.resolve("ledger")).runs()).as("the run cleaned up after itself")
                    .extracting(LedgerRun::runId).isEmpty();

            History history = JournalReader.read(journal);
            assertThat(history.runStarted()).isPresent();
            assertThat(history.select(Events.OpCompleted.class).count()).isGreaterThanOrEqualTo(50);
            Files.delete(fs.root().resolve("filler"));
        }
    }

    private static Optional<Path> journalWithWrites(Path runs, long writes) throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            for (Path run : list.filter(Files::isDirectory).toList()) {
                Optional<Path> journal = JournalReader.in(run);
                if (journal.isPresent()
                        && JournalReader.read(journal.get()).select(Events.OpCompleted.class).count() >= writes) {
                    return journal;
                }
            }
        }
        return Optional.empty();
    }
}
