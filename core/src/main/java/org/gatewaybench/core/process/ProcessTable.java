package org.gatewaybench.core.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of this machine at one moment, read from {@code /proc}: what the harness looks in
 * for what a session it started still runs.
 */
public final class ProcessTable {

    private final Map<Long, StatLine> byPid;

    private ProcessTable(Map<Long, StatLine> byPid) {
        this.byPid = byPid;
    }

    /** Reads every process now. */
    public static ProcessTable now() {
        Map<Long, StatLine> all = new HashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                long pid = Long.parseLong(dir.getFileName().toString());
                StatLine.read(pid).ifPresent(s -> all.put(pid, s));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return new ProcessTable(all);
    }

    /**
     * The running processes of the session {@code leader} started: itself while it runs, and those
     * it started (nginx workers), also after it died. The harness starts each child as a session
     * leader, so the session's id is the leader's pid. Empty when that pid now names a later process:
     * the session ended before it (a pid in use as a session id is not given to a new process).
     */
    public List<ProcessIdentity> sessionOf(ProcessIdentity leader) {
        StatLine now = byPid.get(leader.pid());
        if (now != null && now.startTicks() != leader.startTicks()) {
            return List.of();
        }
        List<ProcessIdentity> members = new ArrayList<>();
        for (StatLine s : byPid.values()) {
            if (s.session() == leader.pid() && s.startTicks() >= leader.startTicks() && !s.exited()) {
                members.add(new ProcessIdentity(s.pid(), s.startTicks()));
            }
        }
        members.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return members;
    }
}
