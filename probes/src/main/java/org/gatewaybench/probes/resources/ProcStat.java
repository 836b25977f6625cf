package org.gatewaybench.probes.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.gatewaybench.core.process.StatLine;

/**
 * What Linux's /proc tells about one process at one moment: its CPU time so far, when it started,
 * its resident memory and its command line (where nginx writes its process title).
 *
 * @param cpuTicks    user + system CPU time, in clock ticks
 * @param startTicks  when it started, in clock ticks since boot (with the pid, identifies the process)
 * @param rssBytes    resident memory; 0 for a process without memory of its own (zombie)
 * @param commandLine the arguments joined by spaces
 */
public record ProcStat(long pid, long cpuTicks, long startTicks, long rssBytes, String commandLine) {

    private static final Path PROC = Path.of("/proc");

    /** Reads process {@code pid}; empty if it does not exist (any more). */
    public static Optional<ProcStat> read(long pid) {
        Path dir = PROC.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
            String status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            return Optional.of(parse(pid, stat, status, cmdline));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A process that exits while it is read gives ESRCH on an open file: it is gone too.
            if (!Files.isDirectory(dir)) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot read /proc of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Parses the contents of /proc/PID/stat, /proc/PID/status and /proc/PID/cmdline. */
    static ProcStat parse(long pid, String stat, String status, byte[] cmdline) {
        StatLine line = StatLine.parse(pid, stat);
        return new ProcStat(pid, line.cpuTicks(), line.startTicks(), rssBytes(status), commandLine(cmdline));
    }

    private static long rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                long kib = Long.parseLong(parts[0]);
                return kib * 1024;
            }
        }
        return 0;
    }

    private static String commandLine(byte[] cmdline) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        return new String(cmdline, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
