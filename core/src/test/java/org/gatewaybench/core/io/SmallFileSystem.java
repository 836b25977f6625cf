package org.gatewaybench.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A size-limited tmpfs that a test mounts itself and fills, to see what a full disk does. Mounting
 * needs root or passwordless sudo (CI machines of this kind run as root; GitHub's runners have
 * sudo); without either the test is skipped, saying why.
 */
public final class SmallFileSystem implements AutoCloseable {

    private final Path root;
    private final List<String> asRoot;

    private SmallFileSystem(Path root, List<String> asRoot) {
        this.root = root;
        this.asRoot = asRoot;
    }

    /** Mounts a tmpfs of {@code size} (mount's syntax: 512k, 4m) on the new folder {@code root}. */
    public static SmallFileSystem mount(Path root, String size) throws IOException {
        List<String> asRoot = asRoot();
        Files.createDirectories(root);
        List<String> command = new ArrayList<>(asRoot);
        command.addAll(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=1777", "tmpfs", root.toString()));
        Result mounted = run(command);
        Assumptions.assumeTrue(mounted.code == 0, () -> "mounting a tmpfs is not permitted here: " + mounted.output);
        return new SmallFileSystem(root, asRoot);
    }

    public Path root() {
        return root;
    }

    /** Makes it read-only (what is on it stays readable). */
    public void remountReadOnly() throws IOException {
        List<String> command = new ArrayList<>(asRoot);
        command.addAll(List.of("mount", "-o", "remount,ro", root.toString()));
        Result remounted = run(command);
        if (remounted.code != 0) {
            throw new IllegalStateException("remounting " + root + " read-only failed: " + remounted.output);
        }
    }

    /** Writes a filler file until the file system is full; returns how many bytes it took. */
    public long fill() throws IOException {
        long written = 0;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(root.resolve("filler"))) {
            while (written < 1L << 30) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
            return written;
        }
        throw new IllegalStateException(root + " took 1 GiB without filling up: not the small tmpfs");
    }

    /** Unmounts it; fails, naming what still holds it, when it is busy (a process of the test left running). */
    @Override
    public void close() throws IOException {
        List<String> command = new ArrayList<>(asRoot);
        command.addAll(List.of("umount", root.toString()));
        Result unmounted = run(command);
        if (unmounted.code != 0) {
            List<String> lazy = new ArrayList<>(asRoot);
            lazy.addAll(List.of("umount", "-l", root.toString()));
            run(lazy);
            throw new IllegalStateException("umount " + root + " failed: " + unmounted.output);
        }
    }

    private static List<String> asRoot() throws IOException {
        String uid = run(List.of("id", "-u")).output.strip();
        if (uid.equals("0")) {
            return List.of();
        }
        Result sudo = run(List.of("sudo", "-n", "true"));
        Assumptions.assumeTrue(sudo.code == 0,
                () -> "mounting a small file system needs root or passwordless sudo; uid " + uid + ": " + sudo.output);
        return List.of("sudo", "-n");
    }

    private record Result(int code, String output) {
    }

    /** Runs {@code command}; an interrupt while waiting is kept (the thread stays interrupted) and fails it. */
    private static Result run(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        boolean ended;
        try {
            ended = p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " was interrupted");
        }
        if (!ended) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not return within 30 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
