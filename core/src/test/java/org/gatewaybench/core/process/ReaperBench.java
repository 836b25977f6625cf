package org.gatewaybench.core.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the reaper costs: the time {@link ChildProcesses#start} adds to a plain
 * {@link ProcessBuilder#start} (setsid's exec, the stat read, the line to the reaper), and the
 * reaper's own memory and CPU after many starts. Not part of the normal build; run with
 * <pre>./mvnw -B -pl core verify -Dtest=ReaperBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results: core/target/reaper-bench.txt and docs/performance.md.
 */
@Tag("bench")
class ReaperBench {

    private static final int STARTS = 500;

    @Test
    void startCostAndTheReapersFootprint() throws Exception {
        measure(false, 50); // warm-up: the JIT, the reaper's start
        measure(true, 50);
        double plain = measure(false, STARTS);
        double watched = measure(true, STARTS);
        long reaper = ChildProcesses.reaperPid();
        StatLine stat = StatLine.read(reaper).orElseThrow();
        String rss = Files.readAllLines(Path.of("/proc/" + reaper + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElseThrow().substring(6).strip();
        String out = String.format("%d starts of /bin/true, each waited for: plain %.2f ms, through ChildProcesses "
                + "%.2f ms (+%.2f ms)%nreaper after %d watched sessions: RSS %s, CPU %d clock ticks%n", STARTS,
                plain, watched, watched - plain, STARTS + 50, rss, stat.cpuTicks());
        Files.writeString(Path.of("target", "reaper-bench.txt"), out);
        System.out.print(out);
    }

    /** Mean milliseconds per start and wait. */
    private static double measure(boolean throughReaper, int starts) throws IOException, InterruptedException {
        long began = System.nanoTime();
        for (int i = 0; i < starts; i++) {
            ProcessBuilder builder = new ProcessBuilder("true");
            Process p = throughReaper ? ChildProcesses.start(builder) : builder.start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("true did not end within 10 s");
            }
        }
        return (System.nanoTime() - began) / 1e6 / starts;
    }
}
