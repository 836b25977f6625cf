package org.gatewaybench.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The reaper process of this JVM (the model is Testcontainers' Ryuk): a small bash script, started
 * in a session of its own, that this JVM tells on a pipe which sessions it started. When the pipe
 * closes because the JVM is gone, however it went, the reaper kills what those sessions still run
 * (see {@code reaper.sh}). The script needs only bash and /proc.
 */
final class Reaper {

    private static final String SCRIPT = script();
    private static final String SCRIPT_VARIABLE = "GATEWAY_BENCH_REAPER_SCRIPT";

    private Process process;
    private OutputStream pipe;

    /** Tells the reaper about a session leader just started; starts the reaper first if needed. */
    synchronized void watch(ProcessIdentity leader, Collection<ProcessIdentity> alreadyWatched) {
        send("watch " + leader.pid() + " " + leader.startTicks(), alreadyWatched);
    }

    /** Tells the reaper a session has ended. */
    synchronized void release(ProcessIdentity leader, Collection<ProcessIdentity> stillWatched) {
        send("release " + leader.pid(), stillWatched);
    }

    /** The reaper's pid, starting it if needed (for tests and diagnostics). */
    synchronized long pid(Collection<ProcessIdentity> watched) {
        ensureRunning(watched);
        return process.pid();
    }

    private void send(String line, Collection<ProcessIdentity> watched) {
        ensureRunning(watched);
        try {
            write(line);
        } catch (IOException e) {
            // The reaper was killed while this JVM lives: start another and tell it everything again.
            process = null;
            ensureRunning(watched);
            try {
                write(line);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot write to the reaper process (pid " + process.pid() + ")", again);
            }
        }
    }

    private void write(String line) throws IOException {
        pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
    }

    private void ensureRunning(Collection<ProcessIdentity> watched) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            // setsid: a session of its own, so that Ctrl-C or a hung-up terminal reaches the JVM, not the reaper.
            // The script comes in the environment, so that ps shows one short line.
            ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-c", "eval \"$" + SCRIPT_VARIABLE + "\"",
                    "gateway-bench-reaper")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put(SCRIPT_VARIABLE, SCRIPT);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the reaper process (setsid and bash): " + e.getMessage(), e);
        }
        pipe = process.getOutputStream();
        try {
            for (ProcessIdentity leader : watched) {
                write("watch " + leader.pid() + " " + leader.startTicks());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the reaper process (pid " + process.pid() + ")", e);
        }
    }

    private static String script() {
        try (InputStream in = Reaper.class.getResourceAsStream("reaper.sh")) {
            if (in == null) {
                throw new IllegalStateException("reaper.sh is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reaper.sh from the classpath", e);
        }
    }
}
