package org.gatewaybench.scenarios.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalCodec;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.scenarios.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when of bundles: a real lab run whose route r000003 can never activate (the lab
 * controller's neverServe option; no later write touches it, so nothing supersedes the finding), bundled with secrets planted in its files and journal; the
 * bundle names the route and its timeline and holds none of the secrets; replaying the archive
 * writes the same routes in the same order and finds the same route never activated; a focused
 * replay keeps only the writes up to it.
 */
class BundleReplayTest {

    private static final String ROUTE = "t0001/r000003";
    private static final String TOKEN = "s3cr3t-token-value-123";
    private static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2ZW5kb3IifQ.c2lnbmF0dXJl";
    private static final String KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    private static final String PASSWORD = "hunter2-do-not-leak";

    @TempDir
    Path dir;

    @Test
    void aBundleNamesTheNeverActivatedRouteLeavesNoSecretAndItsReplayFindsItAgain() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                name: forced-finding
                tenants: 2
                backends: 2
                seed: 11
                output: %s
                gateways:
                  - name: lab-haproxy-runtime
                    options: {neverServe: r000003}
                churn:
                  concurrency: 2
                  phases:
                    - {kind: ramp, to: 40, rate: 40}
                probe:
                  timeout: 2s
                """.formatted(dir.resolve("r")));
        assertThat(Main.execute("run", scenario.toString())).isZero();
        Path run = onlyRun(dir.resolve("r"));
        plantSecrets(run);

        Path zip = dir.resolve("out/bundle.zip");
        assertThat(Main.execute("bundle", run.toString(), "--output", zip.toString())).isZero();

        Map<String, String> files = unzip(zip);
        String repro = files.entrySet().stream().filter(e -> e.getKey().endsWith("/REPRO.md")).findFirst()
                .orElseThrow().getValue();
        assertThat(repro).contains("**" + ROUTE + "** on lab-haproxy-runtime")
                .contains("create sent (op 4", "acknowledged by the route API (t0)", " s to ", "polls answered",
                        "the probe gave up after", "never activated")
                .contains("bin/gateway-bench run --replay bundle.zip")
                .contains("--focus " + ROUTE)
                .contains("haproxy", "gateway-bench 0.1.0, commit ", "churn seed 11")
                .contains("fixture/kubeconfig` left out")
                .contains("x Authorization header", "x private key", "x credential value");
        assertThat(files).containsKeys(run.getFileName() + "/scenario-as-run.yaml", run.getFileName() + "/versions.json",
                run.getFileName() + "/journal.jsonl.gz", run.getFileName() + "/report.html",
                run.getFileName() + "/summary.json");
        assertThat(files.keySet()).anyMatch(f -> f.contains("/gateways/lab-haproxy-runtime/"));
        files.forEach((name, text) -> assertThat(text).as(name)
                .doesNotContain(TOKEN, BEARER, KEY_BODY, PASSWORD));

        Path replayed = dir.resolve("r2");
        assertThat(Main.execute("run", "--replay", zip.toString(), "--output", replayed.toString())).isZero();
        History original = JournalReader.read(JournalReader.in(run).orElseThrow());
        History again = JournalReader.read(JournalReader.in(onlyRun(replayed)).orElseThrow());
        assertThat(writes(again)).containsExactlyElementsOf(writes(original));
        assertThat(again.select(Events.ProbeGaveUp.class).map(g -> g.route().toString())).containsExactly(ROUTE);

        Path focused = dir.resolve("r3");
        assertThat(Main.execute("run", "--replay", zip.toString(), "--focus", "r000003", "--output",
                focused.toString())).isZero();
        History cut = JournalReader.read(JournalReader.in(onlyRun(focused)).orElseThrow());
        List<String> cutWrites = writes(cut);
        assertThat(cutWrites).hasSizeLessThan(writes(original).size())
                .containsExactlyElementsOf(writes(original).subList(0, cutWrites.size()));
        assertThat(cut.select(Events.ProbeGaveUp.class).map(g -> g.route().toString())).contains(ROUTE);
    }

    private static List<String> writes(History history) {
        return history.select(Events.OpInvoked.class).map(i -> i.kind().word() + " " + i.route() + " " + i.backend())
                .toList();
    }

    private static Path onlyRun(Path output) throws IOException {
        try (Stream<Path> runs = Files.list(output)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** A kubeconfig, a log with an Authorization header and a private key, a journal note with credentials. */
    private static void plantSecrets(Path run) throws IOException {
        Files.createDirectories(run.resolve("fixture"));
        Files.writeString(run.resolve("fixture/kubeconfig"), """
                apiVersion: v1
                kind: Config
                users:
                - name: admin
                  user:
                    token: %s
                """.formatted(TOKEN));
        Files.writeString(run.resolve("gateways/lab-haproxy-runtime/planted.log"), """
                GET / HTTP/1.1
                Authorization: Bearer %s
                -----BEGIN RSA PRIVATE KEY-----
                %s
                -----END RSA PRIVATE KEY-----
                """.formatted(BEARER, KEY_BODY));
        Path journal = JournalReader.in(run).orElseThrow();
        // One more gzip member, as the writer appends at each flush.
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(journal, StandardOpenOption.APPEND))) {
            out.write((JournalCodec.toLine(new Events.Note(new Stamp(0, 0), NoteLevel.INFO, null,
                    "retrying with password: " + PASSWORD + " and token=" + TOKEN)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every entry as text (gzip entries decompressed). */
    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                try (InputStream in = e.getName().endsWith(".gz") ? new GZIPInputStream(z.getInputStream(e))
                        : z.getInputStream(e)) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
