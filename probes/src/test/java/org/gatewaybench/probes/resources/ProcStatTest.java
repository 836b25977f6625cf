package org.gatewaybench.probes.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsTimesAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (nginx: a (b) c) S 1 4242 4242 0 -1 4194624 90 0 0 0 17 5 0 0 20 0 1 0 123456 "
                + "11022336 1234 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
        String status = "Name:\tnginx\nVmPeak:\t   11000 kB\nVmRSS:\t    4936 kB\nThreads:\t1\n";
        byte[] cmdline = "nginx: worker process\0\0".getBytes(StandardCharsets.UTF_8);

        ProcStat p = ProcStat.parse(4242, stat, status, cmdline);

        assertThat(p.cpuTicks()).isEqualTo(22);
        assertThat(p.startTicks()).isEqualTo(123456);
        assertThat(p.rssBytes()).isEqualTo(4936L * 1024);
        assertThat(p.commandLine()).isEqualTo("nginx: worker process");
    }

    @Test
    void aZombieHasNoResidentMemory() {
        String stat = "77 (x) Z 1 77 77 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 99 0 0 0";
        ProcStat p = ProcStat.parse(77, stat, "Name:\tx\nState:\tZ (zombie)\n", "haproxy\0-W\0".getBytes());
        assertThat(p.rssBytes()).isZero();
        assertThat(p.cpuTicks()).isEqualTo(7);
        assertThat(p.commandLine()).isEqualTo("haproxy -W");
    }

    @Test
    void aBrokenStatLineIsNamed() {
        assertThatThrownBy(() -> ProcStat.parse(5, "garbage", "", new byte[0]))
                .hasMessageContaining("/proc/5/stat");
    }

    @Test
    void theRunningJvmIsReadFromProc() {
        ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.rssBytes()).isPositive();
        assertThat(self.commandLine()).contains("java");
        assertThat(ProcStat.read(Long.MAX_VALUE / 2)).isEmpty();
    }

    @Test
    void clockTicksAreTheKernelsUserHz() {
        assertThat(ClockTicks.perSecond()).isBetween(50L, 10_000L);
    }
}
