package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.gateways.GatewayException;

/** Runs a short-lived command of a data plane's binary (version, config test) to its end. */
public final class Commands {

    /** What a command printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {

        /** The last non-blank line, for one-line error messages. */
        public String lastLine() {
            List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        }
    }

    private static final Pattern VERSION = Pattern.compile("version:? (\\S+)");

    private Commands() {
    }

    /** The version a data-plane binary prints for {@code -v}, e.g. nginx/1.22.1 or 2.6.12. */
    public static String versionOf(Path binary) {
        Result result = run(List.of(binary.toString(), "-v"), Duration.ofSeconds(30));
        Matcher m = VERSION.matcher(result.output());
        if (result.exitCode() != 0 || !m.find()) {
            throw new GatewayException(binary + " -v did not print a version: " + result.lastLine());
        }
        return m.group(1);
    }

    /** Runs {@code command} to its end within {@code timeout}; output is returned, not checked. */
    public static Result run(List<String> command, Duration timeout) {
        String shown = String.join(" ", command);
        Path output = null;
        Process process = null;
        try {
            // Output goes to a file so that a hung command cannot block the wait for its timeout.
            output = Files.createTempFile("gateway-bench-command", ".out");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new GatewayException(shown + " did not finish within " + timeout.toSeconds() + "s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GatewayException("cannot run " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while running " + shown, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
