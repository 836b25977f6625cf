package org.gatewaybench.core.ledger;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.gatewaybench.core.process.ChildProcesses;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;

/**
 * A harness in miniature for {@link LedgerTest}: opens a ledger entry in the folder of its first
 * argument, starts a lone {@code sleep} and a shell with two forks, records a cluster claim, prints
 * "reaper PID" and "ready", then waits to be killed.
 */
public final class LedgerMain {

    private LedgerMain() {
    }

    public static void main(String[] args) throws Exception {
        LedgerEntry entry = new Ledger(Path.of(args[0])).open("sample-20260101-000000", Path.of("runs", "sample"));
        ChildProcesses.observe(entry);
        ChildProcesses.start(new ProcessBuilder("sleep", "600"));
        Process shell = ChildProcesses.start(new ProcessBuilder("bash", "-c", "sleep 600 & sleep 600 & wait"));
        ProcessIdentity leader = ProcessIdentity.of(shell.pid()).orElseThrow();
        await("the shell's two forks").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessTable.now().sessionOf(leader).size() == 3);
        entry.claim(new ClusterClaim("/home/u/.kube/config", "lab", "gb00c0ffee"));
        System.out.println("reaper " + ChildProcesses.reaperPid());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
