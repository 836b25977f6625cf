package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway-bench CLI started as its own JVM, as a user starts it: real exit codes, real
 * signals, real child processes. Output goes to files in {@code dir}.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static CliProcess start(Path dir, String... args) throws IOException {
        return start(dir, Map.of(), List.of(), args);
    }

    /**
     * Starts the CLI with {@code env} added to the environment and {@code jvmOptions} (-Xmx...) before
     * the main class; stdout and stderr go to cli.out and cli.err in {@code dir} (replaced).
     */
    static CliProcess start(Path dir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("cli.out");
        Path err = dir.resolve("cli.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new CliProcess(builder.start(), out, err);
    }

    /** Runs to the end (at most {@code seconds}) and returns the exit code. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("the CLI did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    /** Processes still running whose command line names {@code folder}: what a run left behind. */
    static List<ProcessHandle> processesUsing(Path folder) {
        String needle = folder.toAbsolutePath().toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ph -> ph.info().commandLine().map(c -> c.contains(needle)).orElse(false)).toList();
        }
    }

    /** Stops the CLI and whatever it started, if it is still running (a failed test). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
