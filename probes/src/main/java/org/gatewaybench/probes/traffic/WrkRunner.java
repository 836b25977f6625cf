package org.gatewaybench.probes.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.process.ChildProcesses;

/**
 * Runs wrk (a C load generator) against one route, as a second opinion on the traffic probe's
 * latencies. wrk is a closed model: {@code connections} connections each send their next request
 * as soon as the previous answer arrived, as fast as the gateway answers. Every run is bounded:
 * wrk's own duration, and a hard stop of the process shortly after it.
 */
public final class WrkRunner {

    /** Where Debian's wrk package puts the program. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/wrk");
    /** The longest wrk run. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(5);

    private static final Duration EXIT_ALLOWANCE = Duration.ofSeconds(15);

    private final Path binary;

    public WrkRunner(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalArgumentException("wrk is not an executable at " + binary
                    + "; expected the wrk program (Debian package wrk)");
        }
        this.binary = binary;
    }

    /**
     * Runs {@code wrk -t threads -c connections -d duration --latency -H 'Host: host'
     * http://address/path} and parses its report.
     */
    public WrkResult run(InetSocketAddress address, String host, String path, int threads, int connections,
                         Duration duration) {
        if (threads < 1 || connections < threads || connections > 10_000) {
            throw new IllegalArgumentException("wrk needs 1 <= threads <= connections <= 10000, found threads="
                    + threads + " connections=" + connections);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("wrk duration must be between 1s and 5m, found " + duration);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("wrk path must start with '/', found '" + path + "'");
        }
        String url = "http://" + address.getHostString() + ":" + address.getPort() + path;
        List<String> command = List.of(binary.toString(), "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "-H", "Host: " + host, url);
        Process process;
        try {
            process = ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        try {
            String output;
            // wrk's output is small and comes at the end: read it after the process exits.
            if (!process.waitFor(duration.plus(EXIT_ALLOWANCE).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("wrk did not finish within " + duration.plus(EXIT_ALLOWANCE)
                        + ": " + String.join(" ", command));
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + output.strip());
            }
            return WrkResult.parse(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran against " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of wrk", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
