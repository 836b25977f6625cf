package org.gatewaybench.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;

/**
 * One ledger entry as read back: which run, which harness ran it, what it started and did not see
 * end, and which clusters it wrote into.
 *
 * @param file      the entry's file
 * @param runId     the run's id (its folder's name)
 * @param runDir    the run's folder
 * @param harness   the harness process that ran it
 * @param status    whether that harness still runs, as judged when the entry was read
 * @param processes the session leaders the run started that it did not see end
 * @param clusters  the clusters the run wrote into
 */
public record LedgerRun(Path file, String runId, String runDir, ProcessIdentity harness, Status status,
                        List<StartedProcess> processes, List<ClusterClaim> clusters) {

    /** What became of a run's harness. */
    public enum Status {
        /** It still runs: the entry is not a leftover. */
        RUNNING,
        /** It is gone (or the machine booted since): what the entry lists may be left over. */
        GONE,
        /** The entry was written on another machine sharing this state folder: not judged from here. */
        ELSEWHERE
    }

    /** A session leader the run started, and the program it ran. */
    public record StartedProcess(ProcessIdentity leader, String program) {
    }

    /** A started process whose session still runs {@code running} (the leader, the workers it forked). */
    public record Leftover(StartedProcess started, List<ProcessIdentity> running) {
    }

    static LedgerRun read(Path file, Machine here) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw IoErrors.named("read the run ledger entry", file, e);
        }
        JsonNode run = null;
        Map<Long, StartedProcess> started = new LinkedHashMap<>();
        List<ClusterClaim> clusters = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode r;
            try {
                r = LedgerEntry.JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    break; // a line cut off by a crash: the entry is valid up to it
                }
                throw new IOException(file + ":" + (i + 1) + ": not a ledger record: " + e.getOriginalMessage());
            }
            switch (r.path("record").asText()) {
                case "run" -> run = r;
                case "process" -> started.put(r.path("pid").asLong(), new StartedProcess(
                        new ProcessIdentity(r.path("pid").asLong(), r.path("start").asLong()), r.path("program").asText()));
                case "ended" -> started.remove(r.path("pid").asLong());
                case "cluster" -> clusters.add(new ClusterClaim(r.path("kubeconfig").asText(),
                        r.path("context").asText(), r.path("runLabel").asText()));
                default -> {
                    // a record of a newer harness: not needed to judge the run
                }
            }
        }
        if (run == null) {
            throw new IOException(file + ": not a ledger entry (no run record)");
        }
        ProcessIdentity harness = new ProcessIdentity(run.path("harnessPid").asLong(), run.path("harnessStart").asLong());
        Status status;
        List<StartedProcess> processes = List.copyOf(started.values());
        if (!here.host().equals(run.path("host").asText())) {
            status = Status.ELSEWHERE;
        } else if (!here.boot().equals(run.path("boot").asText())) {
            status = Status.GONE;
            processes = List.of(); // nothing of an earlier boot runs
        } else {
            status = harness.isRunning() ? Status.RUNNING : Status.GONE;
        }
        return new LedgerRun(file, run.path("run").asText(), run.path("dir").asText(), harness, status, processes,
                List.copyOf(clusters));
    }

    /** The started processes whose sessions still run something, as {@code table} shows. */
    public List<Leftover> leftovers(ProcessTable table) {
        List<Leftover> left = new ArrayList<>();
        for (StartedProcess p : processes) {
            List<ProcessIdentity> running = table.sessionOf(p.leader());
            if (!running.isEmpty()) {
                left.add(new Leftover(p, running));
            }
        }
        return left;
    }
}
