package org.gatewaybench.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.process.ChildProcesses;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;

/**
 * The ledger entry of one running run: it hears of every process the harness starts (as a
 * {@link ChildProcesses.Observer}) and of every cluster the run writes into, and appends each as
 * one JSON line, written through at once so that it is there when the harness is killed. A write
 * that fails is said once on stderr and does not stop the run: the reaper still ends its processes.
 */
public final class LedgerEntry implements ChildProcesses.Observer {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final OutputStream out;
    private final Map<Long, ProcessIdentity> running = new ConcurrentHashMap<>();
    private boolean failed;
    private boolean finished;

    private LedgerEntry(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    static LedgerEntry create(Path folder, String runId, Path runDir, Machine machine) throws IOException {
        ProcessIdentity harness = ProcessIdentity.current();
        Map<String, Object> run = record("run");
        run.put("run", runId);
        run.put("dir", runDir.toAbsolutePath().toString());
        run.put("host", machine.host());
        run.put("boot", machine.boot());
        run.put("harnessPid", harness.pid());
        run.put("harnessStart", harness.startTicks());
        run.put("startedAt", Instant.now().toString());
        // The entry appears with its run record in it, never empty: written aside, then linked in under
        // a name no other entry has (a link, unlike a rename, never replaces).
        Path draft = folder.resolve("." + runId + "-" + harness.pid() + "-" + System.nanoTime() + ".tmp");
        try {
            Files.writeString(draft, line(run), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            for (int n = 1; n < 1000; n++) {
                Path file = folder.resolve(runId + "-" + n + ".jsonl");
                try {
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException taken) {
                    continue; // an entry of the same run name (another output folder, the same second)
                }
                return new LedgerEntry(file, Files.newOutputStream(file, StandardOpenOption.APPEND));
            }
        } catch (IOException e) {
            throw IoErrors.named("write the run ledger entry of " + runId + " in", folder, e);
        } finally {
            Files.deleteIfExists(draft);
        }
        throw new IOException("cannot create a run ledger entry for " + runId + " in " + folder
                + ": 999 entries of that name exist");
    }

    public Path file() {
        return file;
    }

    @Override
    public void started(ProcessIdentity leader, String program) {
        running.put(leader.pid(), leader);
        Map<String, Object> r = record("process");
        r.put("pid", leader.pid());
        r.put("start", leader.startTicks());
        r.put("program", program);
        append(r);
    }

    @Override
    public void ended(ProcessIdentity leader) {
        if (running.remove(leader.pid(), leader)) {
            Map<String, Object> r = record("ended");
            r.put("pid", leader.pid());
            r.put("start", leader.startTicks());
            append(r);
        }
    }

    /** Records that the run writes into a cluster that outlives the harness. */
    public void claim(ClusterClaim claim) {
        Map<String, Object> r = record("cluster");
        r.put("kubeconfig", claim.kubeconfig());
        r.put("context", claim.context());
        r.put("runLabel", claim.runLabel());
        append(r);
    }

    /**
     * The run has ended. When it removed all it created ({@code cleanedUp}) and none of its processes
     * runs, the entry is deleted; otherwise it stays for {@code gateway-bench clean}.
     */
    public synchronized void finish(boolean cleanedUp) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException e) {
            warn("close", e);
        }
        ProcessTable table = ProcessTable.now();
        boolean processesLeft = running.values().stream().anyMatch(p -> !table.sessionOf(p).isEmpty());
        if (cleanedUp && !processesLeft && !failed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                warn("delete", e);
            }
        }
    }

    private synchronized void append(Map<String, Object> record) {
        if (failed || finished) {
            return;
        }
        try {
            write(record);
        } catch (IOException e) {
            failed = true;
            warn("append to", e);
        }
    }

    private void write(Map<String, Object> record) throws IOException {
        out.write(line(record).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String line(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ledger record " + record, e);
        }
    }

    private void warn(String operation, IOException e) {
        System.err.println("warning: " + IoErrors.describe(operation + " the run ledger entry", file, e)
                + " (the reaper still ends this run's processes; `gateway-bench clean` may not see them)");
    }

    private static Map<String, Object> record(String kind) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("record", kind);
        return r;
    }

    /** The processes this entry saw start and not yet end. */
    List<ProcessIdentity> running() {
        return List.copyOf(running.values());
    }
}
