package org.gatewaybench.core.ledger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.io.IoErrors;

/**
 * The run ledger: what each run on this machine started, so that what a run leaves behind when
 * its harness dies (killed, crashed, out of memory, machine reset) can be found and removed later
 * by {@code gateway-bench clean}. One file per run, {@code <run id>-<n>.jsonl}, in
 * {@code $GATEWAY_BENCH_STATE/ledger}, else {@code $XDG_STATE_HOME/gateway-bench/ledger}, else
 * {@code ~/.local/state/gateway-bench/ledger}: a place per user, not per output folder, so that
 * one {@code clean} finds every run whatever its {@code --output}. A run that ends and cleans up
 * removes its file.
 */
public final class Ledger {

    /** The environment variable naming the harness's state folder (the ledger is its {@code ledger/}). */
    public static final String STATE_VARIABLE = "GATEWAY_BENCH_STATE";

    private final Path folder;

    public Ledger(Path folder) {
        this.folder = folder;
    }

    /** The ledger of the user running this JVM, where its environment says. */
    public static Ledger ofUser() {
        return new Ledger(stateFolder(System.getenv(), System.getProperty("user.home")).resolve("ledger"));
    }

    /** The harness's state folder for {@code env} and home folder {@code home}. */
    static Path stateFolder(Map<String, String> env, String home) {
        String own = env.get(STATE_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "gateway-bench");
        }
        return Path.of(home, ".local", "state", "gateway-bench");
    }

    public Path folder() {
        return folder;
    }

    /**
     * Opens a new entry for run {@code runId} (folder {@code runDir}) of this JVM; fails, naming the
     * path, when the ledger cannot be written.
     */
    public LedgerEntry open(String runId, Path runDir) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw IoErrors.named("create the run ledger folder", folder, e);
        }
        return LedgerEntry.create(folder, runId, runDir, Machine.current());
    }

    /** Every entry in the ledger, in file-name order; an unreadable entry fails naming its file. */
    public List<LedgerRun> runs() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder, "*.jsonl")) {
            list.forEach(files::add);
        } catch (IOException e) {
            throw IoErrors.named("list the run ledger", folder, e);
        }
        files.sort(null);
        List<LedgerRun> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(LedgerRun.read(file, Machine.current()));
        }
        return runs;
    }
}
