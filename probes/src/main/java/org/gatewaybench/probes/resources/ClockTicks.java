package org.gatewaybench.probes.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.process.ChildProcesses;

/** The kernel's clock ticks per second (USER_HZ), the unit of CPU times in /proc; asked once. */
public final class ClockTicks {

    private static volatile long perSecond;

    private ClockTicks() {
    }

    /** {@code getconf CLK_TCK}, read on first use. */
    public static long perSecond() {
        long value = perSecond;
        if (value == 0) {
            value = ask();
            perSecond = value;
        }
        return value;
    }

    private static long ask() {
        try {
            Process p = ChildProcesses.start(new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true));
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("getconf CLK_TCK did not answer within 10s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            try {
                long ticks = Long.parseLong(out);
                if (ticks <= 0) {
                    throw new NumberFormatException();
                }
                return ticks;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("getconf CLK_TCK answered '" + out + "', expected a positive number");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run getconf CLK_TCK to learn the /proc CPU time unit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking getconf CLK_TCK", e);
        }
    }
}
