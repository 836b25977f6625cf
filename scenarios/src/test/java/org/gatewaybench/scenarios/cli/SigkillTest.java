package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.core.ledger.LedgerRun;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL of the CLI mid-run, as the OOM killer or {@code kill -9} does it: no shutdown hook runs.
 * Every process of the run, found by the sessions its ledger entry recorded (never by name), ends
 * anyway; and when the reaper is killed too, the next start names what was left and {@code clean}
 * removes it.
 */
class SigkillTest {

    @TempDir
    Path dir;

    private final List<ProcessIdentity> seen = new ArrayList<>();

    @AfterEach
    void endWhatTheTestLeft() throws IOException {
        // Only when a test failed: these are processes of the run our own child JVM made, those seen
        // and those its ledger still names (workers a reload started after the test looked).
        List<ProcessIdentity> left = new ArrayList<>(seen);
        Path ledger = dir.resolve("state").resolve("ledger");
        if (Files.isDirectory(ledger)) {
            ProcessTable table = ProcessTable.now();
            for (LedgerRun run : new Ledger(ledger).runs()) {
                run.leftovers(table).forEach(session -> left.addAll(session.running()));
            }
        }
        left.stream().filter(ProcessIdentity::isRunning)
                .forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-nginx-reload", "lab-haproxy-runtime"})
    void everyProcessOfTheRunEndsWhenTheCliIsKilled(String gateway) throws Exception {
        Path scenario = Files.writeString(dir.resolve("sigkill.yaml"), """
                name: sigkill
                tenants: 2
                backends: 1
                stableRoutes: 1
                gateways:
                  - name: %s
                churn:
                  phases:
                    - {kind: ramp, to: 20, rate: 20}
                probe:
                  pollInterval: 20ms
                  timeout: 10s
                traffic:
                  rate: 5
                  wrk: {connections: 1, duration: 2m}
                """.formatted(gateway));
        Path state = dir.resolve("state");
        try (CliProcess cli = CliProcess.start(dir, Map.of("GATEWAY_BENCH_STATE", state.toString()), List.of(),
                "run", scenario.toString(), "--output", "runs")) {
            Ledger ledger = new Ledger(state.resolve("ledger"));
            List<ProcessIdentity> running = await("wrk to run, as the run's ledger entry records it")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> runningWith(ledger, "wrk"), Optional::isPresent).orElseThrow();
            seen.addAll(running);
            String program = gateway.equals("lab-nginx-reload") ? "nginx" : "haproxy";
            assertThat(running).as("the data plane (" + program + " master and workers) and wrk")
                    .hasSizeGreaterThanOrEqualTo(gateway.equals("lab-nginx-reload") ? 3 : 2);

            long killedAt = System.nanoTime();
            new ProcessBuilder("kill", "-s", "KILL", Long.toString(cli.pid())).start().waitFor();
            assertThat(cli.await(30)).as("exit status of a SIGKILLed JVM").isEqualTo(137);

            await("every process the run recorded to end").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> running.stream().noneMatch(ProcessIdentity::isRunning));
            System.out.println("SigkillTest[" + gateway + "]: " + running.size() + " processes ended "
                    + (System.nanoTime() - killedAt) / 1_000_000 + " ms after SIGKILL of the CLI");

            // Nothing was left: the next start says nothing of this run and forgets it.
            CliProcess next = CliProcess.start(dir, Map.of("GATEWAY_BENCH_STATE", state.toString()), List.of(),
                    "validate", scenario.toString());
            assertThat(next.await(60)).isZero();
            assertThat(next.err()).doesNotContain("ended without its harness");
            assertThat(ledger.runs()).isEmpty();
        }
    }

    @Test
    void whenTheReaperIsKilledTooTheNextStartNamesTheLeftoversAndCleanRemovesThem() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long.yaml"), """
                name: long
                gateways:
                  - name: lab-nginx-reload
                    options: {workerProcesses: 2}
                churn:
                  phases:
                    - {kind: ramp, to: 50, rate: 50}
                    - {kind: steady, rate: 10, population: 50, duration: 5m}
                probe:
                  pollInterval: 20ms
                """);
        Path state = dir.resolve("state");
        Map<String, String> env = Map.of("GATEWAY_BENCH_STATE", state.toString());
        Ledger ledger = new Ledger(state.resolve("ledger"));
        try (CliProcess cli = CliProcess.start(dir, env, List.of(), "run", scenario.toString(), "--output", "runs")) {
            List<ProcessIdentity> nginx = await("nginx with two workers, as the ledger records it")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> runningWith(ledger, "nginx").filter(p -> p.size() >= 3), Optional::isPresent)
                    .orElseThrow();
            seen.addAll(nginx);
            ProcessHandle reaper = ProcessHandle.of(cli.pid()).orElseThrow().children()
                    .filter(h -> h.info().commandLine().orElse("").contains("gateway-bench-reaper")).findFirst()
                    .orElseThrow();
            // Frozen first, so that the CLI cannot start another reaper (it would, on its next command).
            new ProcessBuilder("kill", "-s", "STOP", Long.toString(cli.pid())).start().waitFor();
            ProcessIdentity reaperProcess = ProcessIdentity.of(reaper.pid()).orElseThrow();
            reaper.destroyForcibly();
            await("the reaper to end").atMost(Duration.ofSeconds(10)).until(() -> !reaperProcess.isRunning());
            new ProcessBuilder("kill", "-s", "KILL", Long.toString(cli.pid())).start().waitFor();
            cli.await(30);
            // A reload may have replaced the workers seen above; with the harness gone none follows, and
            // workers it retired exit once the probe's connections are gone: the master and two workers stay.
            List<ProcessIdentity> left = await("nginx's master and two workers, left with no reaper and no harness")
                    .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> runningWith(ledger, "nginx"), p -> p.isPresent() && p.get().size() == 3)
                    .orElseThrow();
            seen.addAll(left);
            long master = masterOf(ledger);
            assertThat(left).as("the master seen running before, still running")
                    .contains(nginx.stream().filter(p -> p.pid() == master).findFirst().orElseThrow());

            CliProcess next = CliProcess.start(dir, env, List.of(), "validate", scenario.toString());
            assertThat(next.await(60)).isZero();
            assertThat(next.err()).contains("gateway-bench: run long-").contains("ended without its harness (pid "
                    + cli.pid() + ") and left " + left.size() + " processes running (nginx pid " + master + " and "
                    + (left.size() - 1) + " more of its session)").contains("gateway-bench clean");

            CliProcess dryRun = CliProcess.start(dir, env, List.of(), "clean", "--dry-run");
            assertThat(dryRun.await(60)).isZero();
            assertThat(dryRun.out()).contains("would kill nginx pid " + master + " and its session: pids ")
                    .contains("would remove its ledger entry");
            assertThat(left).as("a dry run removes nothing").allMatch(ProcessIdentity::isRunning);

            CliProcess clean = CliProcess.start(dir, env, List.of(), "clean");
            assertThat(clean.await(60)).as(clean.out()).isZero();
            assertThat(clean.out()).contains("its harness (pid " + cli.pid() + ") is gone")
                    .contains("killing nginx pid " + master).contains("removed its ledger entry");
            assertThat(left).noneMatch(ProcessIdentity::isRunning);
            assertThat(ledger.runs()).isEmpty();

            CliProcess again = CliProcess.start(dir, env, List.of(), "clean");
            assertThat(again.await(60)).isZero();
            assertThat(again.out()).startsWith("nothing to clean");
        }
    }

    /** The pid of the nginx master the one run in {@code ledger} started (its session's leader). */
    private static long masterOf(Ledger ledger) throws IOException {
        return ledger.runs().get(0).processes().stream().filter(p -> p.program().equals("nginx"))
                .reduce((a, b) -> b).orElseThrow().leader().pid();
    }

    /**
     * The running processes of the sessions the one run in {@code ledger} started, once one of them
     * ran {@code program} and still runs.
     */
    private static Optional<List<ProcessIdentity>> runningWith(Ledger ledger, String program) throws IOException {
        List<LedgerRun> runs = ledger.runs();
        if (runs.size() != 1) {
            return Optional.empty();
        }
        ProcessTable table = ProcessTable.now();
        List<LedgerRun.Leftover> sessions = runs.get(0).leftovers(table);
        if (sessions.stream().noneMatch(s -> s.started().program().equals(program))) {
            return Optional.empty();
        }
        return Optional.of(sessions.stream().flatMap(s -> s.running().stream()).toList());
    }
}
