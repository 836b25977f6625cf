package org.gatewaybench.scenarios.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.scenarios.load.ScenarioTree;

/**
 * Writes the bundle of a run: one zip archive with the run folder (journal, reports, gateway
 * configs and logs, diagnostics), the scenario as run, the versions, and REPRO.md; every file
 * scrubbed of secrets on the way in ({@link SecretScrubber}), credential files and files that cannot
 * be searched (binary) left out and named in REPRO.md. The archive is written beside its final
 * name and moved there whole, so a failed bundle leaves no half archive.
 */
public final class BundleWriter {

    /** What was written: the archive, its size, the files in it, the findings and the secrets taken out. */
    public record Bundle(Path file, long bytes, int files, Findings findings, int redactions, int leftOut) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path runDir;
    private final String prefix;
    private final List<ReproMarkdown.Entry> entries = new ArrayList<>();
    private final List<ReproMarkdown.LeftOut> leftOut = new ArrayList<>();

    private BundleWriter(Path runDir, String runId) {
        this.runDir = runDir;
        this.prefix = runId + "/";
    }

    /** The bundle's default place: beside the run folder, named after it. */
    public static Path defaultOutput(Path runDir) {
        Path abs = runDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-bundle.zip");
    }

    /** Bundles {@code runDir} into {@code output} (null: {@link #defaultOutput}). */
    public static Bundle write(Path runDir, Path output) throws IOException {
        Path journal = JournalReader.in(runDir).orElseThrow(() -> new IOException(
                runDir + ": no journal (" + JournalReader.NAME + ") in this run folder"));
        RunRecord record = RunRecord.read(runDir);
        Findings findings = Findings.of(journal);
        Path target = (output == null ? defaultOutput(runDir) : output).toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        BundleWriter writer = new BundleWriter(runDir, record.runId());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            writer.runFiles(zip, journal, List.of(target, partial));
            if (record.replayable()) {
                writer.text(zip, "scenario-as-run.yaml", ScenarioTree.yaml(record.settings()));
            }
            writer.text(zip, "versions.json", JSON.writeValueAsString(record.versions()));
            String repro = ReproMarkdown.render(record, findings, target.getFileName().toString(), writer.entries,
                    writer.leftOut);
            writer.text(zip, "REPRO.md", repro);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        int redactions = writer.entries.stream().mapToInt(e -> e.redacted().values().stream()
                .mapToInt(Integer::intValue).sum()).sum();
        return new Bundle(target, Files.size(target), writer.entries.size(), findings, redactions,
                writer.leftOut.size());
    }

    private void runFiles(ZipOutputStream zip, Path journal, List<Path> skip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            if (skip.contains(file.toAbsolutePath().normalize())) {
                continue;
            }
            String rel = runDir.relativize(file).toString().replace('\\', '/');
            if (file.equals(journal)) {
                journal(zip, rel, file);
            } else if (rel.endsWith(".gz")) {
                compressed(zip, rel, file);
            } else {
                plain(zip, rel, Files.readAllBytes(file));
            }
        }
    }

    /** The journal, scrubbed line by line as it streams (a journal may be large). */
    private void journal(ZipOutputStream zip, String rel, Path file) throws IOException {
        Map<String, Integer> redacted = new TreeMap<>();
        zip.putNextEntry(new ZipEntry(prefix + rel));
        Counting counted = new Counting(zip);
        // Compressed again when it was (journal.jsonl.gz); a plain journal of an older run stays plain.
        Writer out = new OutputStreamWriter(rel.endsWith(".gz") ? new GZIPOutputStream(counted, 1 << 16) : counted,
                StandardCharsets.UTF_8);
        try (BufferedReader in = JournalReader.text(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                SecretScrubber.Scrubbed s = SecretScrubber.scrub(line);
                s.redacted().forEach((k, n) -> redacted.merge(k, n, Integer::sum));
                out.write(s.text());
                out.write('\n');
            }
        }
        out.close(); // finishes a gzip stream; Counting keeps the zip open
        zip.closeEntry();
        entries.add(new ReproMarkdown.Entry(rel, counted.count, redacted));
    }

    private void compressed(ZipOutputStream zip, String rel, Path file) throws IOException {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            leftOut.add(new ReproMarkdown.LeftOut(rel, "not a readable gzip file (" + e.getMessage() + ")"));
            return;
        }
        String text = utf8(raw);
        String why = text == null ? "binary inside: it cannot be searched for secrets"
                : SecretScrubber.secretFile(rel, text);
        if (why != null) {
            leftOut.add(new ReproMarkdown.LeftOut(rel, why));
            return;
        }
        SecretScrubber.Scrubbed s = SecretScrubber.scrub(text);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(s.text().getBytes(StandardCharsets.UTF_8));
        }
        put(zip, rel, packed.toByteArray(), s.redacted());
    }

    private void plain(ZipOutputStream zip, String rel, byte[] raw) throws IOException {
        String text = utf8(raw);
        String why = text == null ? "binary: it cannot be searched for secrets" : SecretScrubber.secretFile(rel, text);
        if (why != null) {
            leftOut.add(new ReproMarkdown.LeftOut(rel, why));
            return;
        }
        SecretScrubber.Scrubbed s = SecretScrubber.scrub(text);
        put(zip, rel, s.text().getBytes(StandardCharsets.UTF_8), s.redacted());
    }

    /** A file written for the bundle, scrubbed like the run's own. */
    private void text(ZipOutputStream zip, String rel, String text) throws IOException {
        SecretScrubber.Scrubbed s = SecretScrubber.scrub(text);
        put(zip, rel, s.text().getBytes(StandardCharsets.UTF_8), s.redacted());
    }

    private void put(ZipOutputStream zip, String rel, byte[] bytes, Map<String, Integer> redacted) throws IOException {
        zip.putNextEntry(new ZipEntry(prefix + rel));
        zip.write(bytes);
        zip.closeEntry();
        if (!rel.equals("REPRO.md")) {
            entries.add(new ReproMarkdown.Entry(rel, bytes.length, redacted));
        }
    }

    /** The bytes as UTF-8 text, or null when they are not (or hold NUL: binary). */
    private static String utf8(byte[] raw) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Counts what passes into the zip entry and does not close the zip. */
    private static final class Counting extends FilterOutputStream {

        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
