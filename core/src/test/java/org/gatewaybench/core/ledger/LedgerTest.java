package org.gatewaybench.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.process.ChildJvm;
import org.gatewaybench.core.process.ChildProcesses;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ledger tells of runs whose harness died, on real processes. */
class LedgerTest {

    @TempDir
    Path dir;

    private ChildJvm harness;
    private List<LedgerRun.Leftover> found = List.of();

    @AfterEach
    void stopWhatIsLeft() {
        if (harness != null) {
            harness.close();
        }
        ProcessSweep.kill(found); // only when the test failed before its own sweep
    }

    @Test
    void aHarnessKilledWithItsReaperLeavesProcessesThatTheLedgerFindsAndTheSweepEnds() throws Exception {
        Path folder = dir.resolve("ledger");
        harness = ChildJvm.start(LedgerMain.class, folder.toString());
        long reaper = Long.parseLong(harness.readLine().substring("reaper ".length()));
        assertThat(harness.readLine()).isEqualTo("ready");
        Ledger ledger = new Ledger(folder);
        assertThat(ledger.runs()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LedgerRun.Status.RUNNING);
            assertThat(r.processes()).extracting(LedgerRun.StartedProcess::program).containsExactly("sleep", "bash");
        });

        // The worst case: the reaper dies first (killed by hand, or by the OOM killer), then the harness.
        ProcessHandle.of(reaper).orElseThrow().destroyForcibly();
        harness.kill();

        LedgerRun run = ledger.runs().get(0);
        assertThat(run.status()).isEqualTo(LedgerRun.Status.GONE);
        assertThat(run.runId()).isEqualTo("sample-20260101-000000");
        assertThat(run.runDir()).endsWith("runs/sample");
        assertThat(run.clusters()).containsExactly(new ClusterClaim("/home/u/.kube/config", "lab", "gb00c0ffee"));
        found = run.leftovers(ProcessTable.now());
        assertThat(found).extracting(l -> l.started().program() + " " + l.running().size())
                .containsExactly("sleep 1", "bash 3");

        assertThat(ProcessSweep.kill(found)).isEmpty();
        assertThat(found.stream().flatMap(l -> l.running().stream())).noneMatch(ProcessIdentity::isRunning);
        assertThat(ledger.runs().get(0).leftovers(ProcessTable.now())).isEmpty();
    }

    @Test
    void anEntryOfARunThatEndedCleanlyIsRemoved() throws Exception {
        Ledger ledger = new Ledger(dir.resolve("ledger"));
        LedgerEntry entry = ledger.open("clean-run", dir.resolve("runs/clean-run"));
        AutoCloseable observing = ChildProcesses.observe(entry);
        try {
            Process p = ChildProcesses.start(new ProcessBuilder("true"));
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ledger.runs()).singleElement().satisfies(r -> assertThat(r.status())
                    .isEqualTo(LedgerRun.Status.RUNNING));
        } finally {
            observing.close();
        }
        entry.finish(true);
        assertThat(ledger.runs()).isEmpty();
    }

    @Test
    void anEntryOfARunThatCouldNotCleanUpStays() throws Exception {
        Ledger ledger = new Ledger(dir.resolve("ledger"));
        LedgerEntry entry = ledger.open("unclean-run", dir.resolve("runs/unclean-run"));
        entry.claim(new ClusterClaim("/k", "ctx", "gb12345678"));
        entry.finish(false);
        assertThat(ledger.runs()).singleElement().satisfies(r -> assertThat(r.clusters()).hasSize(1));
    }

    @Test
    void twoRunsOfOneNameGetTwoEntries() throws Exception {
        Ledger ledger = new Ledger(dir.resolve("ledger"));
        ledger.open("same", dir.resolve("a/same"));
        ledger.open("same", dir.resolve("b/same"));
        assertThat(ledger.runs()).extracting(LedgerRun::runDir).containsExactlyInAnyOrder(
                dir.resolve("a/same").toString(), dir.resolve("b/same").toString());
    }

    @Test
    void aLedgerThatCannotBeCreatedSaysWhereAndWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> new Ledger(file.resolve("ledger")).open("r", dir))
                .hasMessage("cannot create the run ledger folder " + file.resolve("ledger") + ": Not a directory");
    }

    @Test
    void aBrokenLineInTheMiddleIsNamedAndACutLastLineIsNot() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ledger"));
        String run = "{\"record\":\"run\",\"run\":\"r\",\"dir\":\"/d\",\"host\":\"h\",\"boot\":\"b\",\"harnessPid\":1,"
                + "\"harnessStart\":1}\n";
        Files.writeString(folder.resolve("cut-1.jsonl"), run + "{\"record\":\"proc");
        assertThat(new Ledger(folder).runs()).singleElement().satisfies(r -> assertThat(r.status())
                .as("written on host h, not here").isEqualTo(LedgerRun.Status.ELSEWHERE));
        Files.writeString(folder.resolve("broken-1.jsonl"), run + "garbage\n{}\n");
        assertThatThrownBy(() -> new Ledger(folder).runs()).hasMessage(folder.resolve("broken-1.jsonl") + ":2: "
                + "not a ledger record: Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object "
                + "or token 'null', 'true' or 'false')");
    }

    @Test
    void theStateFolderComesFromTheEnvironment() {
        assertThat(Ledger.stateFolder(Map.of("GATEWAY_BENCH_STATE", "/s", "XDG_STATE_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/s"));
        assertThat(Ledger.stateFolder(Map.of("XDG_STATE_HOME", "/x"), "/h")).isEqualTo(Path.of("/x/gateway-bench"));
        assertThat(Ledger.stateFolder(Map.of(), "/h")).isEqualTo(Path.of("/h/.local/state/gateway-bench"));
    }
}
