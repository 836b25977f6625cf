package org.gatewaybench.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Children in sessions of their own, found again by session after their leader died. */
class ChildProcessesTest {

    @Test
    void aChildLeadsItsOwnSessionAndItsForksAreFoundAfterItDied() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        AutoCloseable observing = ChildProcesses.observe(new ChildProcesses.Observer() {
            @Override
            public void started(ProcessIdentity leader, String program) {
                heard.add("started " + program + " " + leader.pid());
            }

            @Override
            public void ended(ProcessIdentity leader) {
                heard.add("ended " + leader.pid());
            }
        });
        try {
            Process shell = ChildProcesses.start(new ProcessBuilder("bash", "-c", "sleep 600 & wait"));
            ProcessIdentity leader = ProcessIdentity.of(shell.pid()).orElseThrow();
            assertThat(StatLine.read(shell.pid()).orElseThrow().session()).as("its own session")
                    .isEqualTo(shell.pid());
            await("the shell's fork").atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessTable.now().sessionOf(leader).size() == 2);
            assertThat(ChildProcesses.watched()).contains(leader);

            shell.destroyForcibly().waitFor();
            List<ProcessIdentity> orphans = ProcessTable.now().sessionOf(leader);
            assertThat(orphans).as("the sleep outlives the shell, still in its session").hasSize(1);
            assertThat(heard).as("what was heard of this shell (other tests' processes are heard too)")
                    .filteredOn(h -> h.endsWith(" " + leader.pid())).containsExactly("started bash " + leader.pid());
            assertThat(ChildProcesses.watched()).as("watched while a process of its session runs").contains(leader);

            ProcessHandle.of(orphans.get(0).pid()).orElseThrow().destroyForcibly();
            await("the session's end to be heard").atMost(Duration.ofSeconds(10))
                    .until(() -> heard.contains("ended " + leader.pid()));
            assertThat(ChildProcesses.watched()).doesNotContain(leader);
        } finally {
            observing.close();
        }
    }

    @Test
    void aPidThatNamesALaterProcessHasNoSessionOfOurs() throws Exception {
        Process sleep = ChildProcesses.start(new ProcessBuilder("sleep", "600"));
        try {
            ProcessIdentity now = ProcessIdentity.of(sleep.pid()).orElseThrow();
            ProcessIdentity earlier = new ProcessIdentity(now.pid(), now.startTicks() - 1);
            assertThat(ProcessTable.now().sessionOf(now)).containsExactly(now);
            assertThat(ProcessTable.now().sessionOf(earlier)).as("the pid was reused by a later process").isEmpty();
            assertThat(earlier.isRunning()).isFalse();
            assertThat(now.isRunning()).isTrue();
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void aMissingProgramFailsAtStartAsProcessBuilderWould() {
        assertThatThrownBy(() -> ChildProcesses.start(new ProcessBuilder("no-such-program-gb", "x")))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-program-gb")
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void aStatLineAfterACommandNameWithSpacesAndParentheses() {
        StatLine s = StatLine.parse(4242, "4242 (nginx: a (b) c) S 1 4242 4240 0 -1 4194624 90 0 0 0 17 5 0 0 20 0 1 0 "
                + "123456 11022336 1234 18446744073709551615");
        assertThat(s.state()).isEqualTo('S');
        assertThat(s.session()).isEqualTo(4240);
        assertThat(s.cpuTicks()).isEqualTo(22);
        assertThat(s.startTicks()).isEqualTo(123456);
        assertThat(s.exited()).isFalse();
        assertThat(StatLine.parse(7, "7 (x) Z 1 7 7 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 99 0 0").exited()).isTrue();
    }
}
