package org.gatewaybench.core.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of Linux's {@code /proc/PID/stat} the harness uses: to tell a process from a later one
 * with the same pid (start time), to find the processes of a session (nginx workers whose master
 * died) and to sample CPU time.
 *
 * @param pid        the process id
 * @param state      R, S, D, T, Z (zombie: exited, not yet collected by its parent) ...
 * @param session    the session id: the pid of the session's leader
 * @param cpuTicks   user + system CPU time, in clock ticks
 * @param startTicks when it started, in clock ticks since boot
 */
public record StatLine(long pid, char state, long session, long cpuTicks, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** Reads process {@code pid}; empty when it does not exist (any more). */
    public static Optional<StatLine> read(long pid) {
        Path file = PROC.resolve(Long.toString(pid)).resolve("stat");
        try {
            return Optional.of(parse(pid, Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            // A process that exits while it is read gives ESRCH on the open file: it is gone too.
            if (!Files.isDirectory(file.getParent())) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of {@code /proc/PID/stat}. */
    public static StatLine parse(long pid, String stat) {
        // The command name in parentheses may hold spaces and ')': fields start after the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalArgumentException("/proc/" + pid + "/stat is not a stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): session is field 6, utime 14, stime 15, starttime 22.
        if (f.length < 20) {
            throw new IllegalArgumentException("/proc/" + pid + "/stat has " + (f.length + 2)
                    + " fields, expected at least 22: " + stat);
        }
        return new StatLine(pid, f[0].charAt(0), Long.parseLong(f[3]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[19]));
    }

    /** Whether the process has exited (a zombie waits only for its parent to collect its status). */
    public boolean exited() {
        return state == 'Z' || state == 'X';
    }
}
