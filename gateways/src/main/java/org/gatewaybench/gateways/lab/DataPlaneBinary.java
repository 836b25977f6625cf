package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;

/**
 * The executable of a lab data plane (nginx, haproxy): found from a driver option, asked for its
 * version, and run to check a config before the data plane starts on it.
 */
public final class DataPlaneBinary {

    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));
    private static final Pattern VERSION = Pattern.compile("version:? (\\S+)");
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

    private final Path path;

    private DataPlaneBinary(Path path) {
        this.path = path;
    }

    /**
     * The executable {@code option} names: an explicit path, or a name looked up on PATH and in the
     * sbin folders (which a non-login PATH often lacks); a clear error with {@code installHint} when
     * there is none.
     */
    public static DataPlaneBinary of(InstallContext context, GatewayOption option, String installHint) {
        return find(context.option(option), option, installHint);
    }

    /** The executable named by {@code text}, the value of {@code option}; see {@link #of}. */
    public static DataPlaneBinary find(String value, GatewayOption option, String installHint) {
        String text = value.trim();
        List<Path> candidates = new ArrayList<>();
        if (text.contains("/")) {
            candidates.add(Path.of(text));
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, text));
                }
            }
            SBIN.forEach(dir -> candidates.add(dir.resolve(text)));
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst()
                .map(DataPlaneBinary::new)
                .orElseThrow(() -> new GatewayException(text + " not found: install it (" + installHint
                        + ") or set gateways[].options." + option.name()));
    }

    public Path path() {
        return path;
    }

    /** The version the binary prints for {@code -v}, e.g. nginx/1.22.1 or 2.6.12. */
    public String version() {
        Result result = run(List.of("-v"), VERSION_TIMEOUT);
        Matcher m = VERSION.matcher(result.output());
        if (result.exitCode() != 0 || !m.find()) {
            throw new GatewayException(path + " -v did not print a version: " + result.lastLine());
        }
        return m.group(1);
    }

    /**
     * Runs the binary's config check ({@code args}); when it fails, a GatewayException that names
     * {@code config} and quotes the first line holding {@code marker} ([emerg], ALERT).
     */
    public void check(List<String> args, String marker, Path config, Duration timeout) {
        Result result = run(args, timeout);
        if (result.exitCode() != 0) {
            String line = result.output().lines().filter(l -> l.contains(marker)).findFirst()
                    .orElse(result.lastLine());
            throw new GatewayException(path.getFileName() + " rejected its config " + config + ": " + line.strip());
        }
    }

    /** What a run printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {

        /** The last non-blank line, for one-line error messages. */
        String lastLine() {
            List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        }
    }

    /** Runs the binary with {@code args} to its end within {@code timeout}; output is returned, not checked. */
    private Result run(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(args);
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

    @Override
    public String toString() {
        return path.toString();
    }
}
