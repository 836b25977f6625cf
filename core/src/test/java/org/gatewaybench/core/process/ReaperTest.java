package org.gatewaybench.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL of a JVM that started children: its reaper kills every process of their sessions
 * (a frozen one, and grandchildren forked by a shell), also after the first reaper was killed.
 */
class ReaperTest {

    private ChildJvm jvm;
    private final List<ProcessIdentity> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        if (jvm != null) {
            jvm.close();
        }
        // Only when the test failed: these are the sessions our own child JVM started.
        ProcessTable table = ProcessTable.now();
        started.forEach(leader -> table.sessionOf(leader)
                .forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kill-reaper"})
    void sigkillOfTheJvmKillsEveryProcessOfItsSessions(String mode) throws Exception {
        jvm = ChildJvm.start(OrphanMain.class, mode);
        long reaper = -1;
        for (String line = jvm.readLine(); !line.equals("ready"); line = jvm.readLine()) {
            String[] f = line.split(" ");
            if (f[0].equals("leader")) {
                started.add(new ProcessIdentity(Long.parseLong(f[1]), Long.parseLong(f[2])));
            } else if (f[0].equals("reaper")) {
                reaper = Long.parseLong(f[1]);
            }
        }
        ProcessTable before = ProcessTable.now();
        List<ProcessIdentity> running = started.stream().flatMap(l -> before.sessionOf(l).stream()).toList();
        assertThat(running).as("the lone sleep, the shell and its two sleeps").hasSize(4);
        assertThat(StatLine.read(started.get(0).pid()).orElseThrow().state()).as("frozen").isEqualTo('T');
        ProcessIdentity reaperProcess = ProcessIdentity.of(reaper).orElseThrow();

        long killedAt = System.nanoTime();
        jvm.kill();

        await("every process of the killed JVM's sessions to end").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> running.stream().noneMatch(ProcessIdentity::isRunning));
        long tookMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.println("ReaperTest[" + mode + "]: " + running.size() + " processes gone " + tookMillis
                + " ms after SIGKILL of their JVM");
        await("the reaper to end after its work").atMost(Duration.ofSeconds(10)).until(() -> !reaperProcess.isRunning());
    }
}
