package org.gatewaybench.scenarios.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.JournalReader;

/**
 * What a run recorded about itself, for a replay: the scenario as run (every default filled in,
 * overrides applied), what exactly ran (versions per scope: "run" and each gateway) and, per
 * gateway, the op number of each route's writes (for {@code --focus}). Read from a run folder's
 * journal or from the journal inside a bundle.
 *
 * @param source  the run folder or bundle it was read from
 * @param schema  the journal's schema: from 2 on, {@code settings} is the whole scenario as run
 * @param outcome how the run ended, in words ("completed", "failed: why"), or "did not end" for a cut journal
 */
public record RunRecord(Path source, String runId, String scenario, String fixture, int schema,
                        Map<String, Object> settings, Map<String, Map<String, String>> versions, List<Write> writes,
                        String outcome) {

    /** One route write as sent: its op number (the churn's order) and route. */
    public record Write(String gateway, long op, String route) {
    }

    /** The record of {@code runDirOrBundle}: a run folder, or a bundle (.zip) that {@code gateway-bench bundle} wrote. */
    public static RunRecord read(Path runDirOrBundle) throws IOException {
        if (Files.isDirectory(runDirOrBundle)) {
            Path journal = JournalReader.in(runDirOrBundle).orElseThrow(() -> new IOException(
                    runDirOrBundle + ": no journal (" + JournalReader.NAME + ") in this run folder"));
            return fromJournal(runDirOrBundle, journal);
        }
        if (!Files.isRegularFile(runDirOrBundle)) {
            throw new IOException(runDirOrBundle + ": no such run folder or bundle");
        }
        Path extracted = Files.createTempFile("gateway-bench-replay", ".journal");
        try (ZipFile zip = new ZipFile(runDirOrBundle.toFile())) {
            ZipEntry entry = journalEntry(zip, runDirOrBundle);
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
            }
            return fromJournal(runDirOrBundle, extracted);
        } catch (ZipException e) {
            throw new IOException(runDirOrBundle + ": not a bundle (a zip archive): " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(extracted);
        }
    }

    private static ZipEntry journalEntry(ZipFile zip, Path bundle) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = e.getName();
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (name.chars().filter(c -> c == '/').count() == 1
                    && (file.equals(JournalReader.NAME) || file.equals(JournalReader.PLAIN_NAME))) {
                return e;
            }
        }
        throw new IOException(bundle + ": the bundle holds no journal");
    }

    private static RunRecord fromJournal(Path source, Path journal) throws IOException {
        Events.RunStarted[] started = new Events.RunStarted[1];
        Map<String, Map<String, String>> versions = new LinkedHashMap<>();
        List<Write> writes = new ArrayList<>();
        String[] outcome = {"did not end (its journal was cut short)"};
        JournalReader.open(journal).replay((Event e, long line) -> {
            if (e instanceof Events.RunStarted r && started[0] == null) {
                started[0] = r;
            } else if (e instanceof Events.VersionsRecorded v) {
                versions.computeIfAbsent(v.gateway() == null ? "run" : v.gateway(), k -> new LinkedHashMap<>())
                        .putAll(v.versions());
            } else if (e instanceof Events.RunEnded r) {
                outcome[0] = r.outcome().word() + (r.reason() == null ? "" : ": " + r.reason());
            } else if (e instanceof Events.OpInvoked i) {
                writes.add(new Write(i.gateway(), i.op(), i.route().toString()));
            }
        });
        Events.RunStarted r = started[0];
        if (r == null) {
            throw new IOException(source + ": the journal has no run-started event: not the journal of a run");
        }
        return new RunRecord(source, r.runId(), r.scenario(), r.fixture(), r.schema(),
                r.settings() == null ? Map.of() : r.settings(), versions, writes, outcome[0]);
    }

    /**
     * Whether the journal holds the whole scenario as run, so that it can be replayed: schema 1
     * journals kept a flat subset of the settings (their scenario file is in the run folder).
     */
    public boolean replayable() {
        return schema >= 2 && !settings.isEmpty();
    }

    /** The last op number of {@code route}'s writes on {@code gateway}, or -1 when it has none. */
    public long lastOp(String gateway, String route) {
        return writes.stream().filter(w -> w.gateway().equals(gateway) && matches(w.route(), route))
                .mapToLong(Write::op).max().orElse(-1);
    }

    /** The gateways that wrote {@code route}, in the order they ran. */
    public List<String> gatewaysWriting(String route) {
        return writes.stream().filter(w -> matches(w.route(), route)).map(Write::gateway).distinct().toList();
    }

    /** A route given as tenant/name or as its name alone. */
    private static boolean matches(String key, String given) {
        return key.equals(given) || key.endsWith("/" + given);
    }
}
