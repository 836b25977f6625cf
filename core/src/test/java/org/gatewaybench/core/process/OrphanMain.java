package org.gatewaybench.core.process;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/**
 * A JVM that starts children through {@link ChildProcesses} and then waits to be killed, for
 * {@link ReaperTest}. Prints "leader PID START" for each session it started and "reaper PID", then
 * "ready". With argument {@code kill-reaper}, it kills its first reaper between the two starts,
 * so that the second start has to bring up another one that knows of the first session.
 */
public final class OrphanMain {

    private OrphanMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean killReaper = args.length > 0 && args[0].equals("kill-reaper");
        // A lone program, and a shell that forks two more and waits: the forks are what a session catches.
        Process lone = ChildProcesses.start(new ProcessBuilder("sleep", "600"));
        print(lone);
        if (killReaper) {
            long first = ChildProcesses.reaperPid();
            ProcessHandle reaper = ProcessHandle.of(first).orElseThrow();
            reaper.destroyForcibly();
            reaper.onExit().get();
        }
        Process forks = ChildProcesses.start(new ProcessBuilder("bash", "-c", "sleep 600 & sleep 600 & wait"));
        print(forks);
        // A frozen process cannot act on SIGTERM; SIGKILL still ends it.
        ChildProcesses.start(new ProcessBuilder("kill", "-s", "STOP", Long.toString(lone.pid()))).waitFor();
        ProcessIdentity shell = ProcessIdentity.of(forks.pid()).orElseThrow();
        await("the shell's two forks").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessTable.now().sessionOf(shell).size() == 3);
        await("the lone sleep to be stopped").atMost(Duration.ofSeconds(30))
                .until(() -> StatLine.read(lone.pid()).map(StatLine::state).orElse('?') == 'T');
        System.out.println("reaper " + ChildProcesses.reaperPid());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
        List.of(lone, forks).forEach(Process::destroy);
    }

    private static void print(Process p) {
        ProcessIdentity id = ProcessIdentity.of(p.pid()).orElseThrow();
        System.out.println("leader " + id.pid() + " " + id.startTicks());
    }
}
