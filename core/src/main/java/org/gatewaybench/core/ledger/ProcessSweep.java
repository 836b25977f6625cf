package org.gatewaybench.core.ledger;

import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.time.Wait;

/** Ends what a dead harness left running: every process of the sessions it started, with SIGKILL. */
public final class ProcessSweep {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private ProcessSweep() {
    }

    /**
     * Sends SIGKILL to every process of {@code leftovers} that is still the process it was (the
     * harness that could stop them gracefully is gone; a frozen process ends too) and waits until
     * they have ended. Returns those that did not end within 10 s.
     */
    public static List<ProcessIdentity> kill(List<LedgerRun.Leftover> leftovers) {
        List<ProcessIdentity> all = leftovers.stream().flatMap(l -> l.running().stream()).toList();
        for (ProcessIdentity p : all) {
            if (p.isRunning()) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        try {
            Wait.of("the leftover processes " + all + " to end", PATIENCE).every(Duration.ofMillis(20))
                    .until(() -> all.stream().noneMatch(ProcessIdentity::isRunning));
            return List.of();
        } catch (Wait.Timeout e) {
            return all.stream().filter(ProcessIdentity::isRunning).toList();
        }
    }
}
