package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the harness before schema 2 (a lab run of both gateways with churn, a
 * controller freeze, traffic, resources and long connections, kept with the summary.json that
 * version rendered from it) still reads and renders to the same figures.
 */
class SchemaOneJournalTest {

    @TempDir
    Path runDir;

    @Test
    void readsWithTheProbeRuleTakenFromItsSettings() throws IOException {
        History history = JournalReader.read(copy("journal.jsonl"));
        Events.RunStarted started = history.runStarted().orElseThrow();
        assertThat(started.schema()).isEqualTo(1);
        assertThat(started.probe()).isEqualTo(new ProbeRule(3, 20_000_000, 10_000_000_000L));
        assertThat(history.unknownEvents()).isZero();
        assertThat(history.truncatedTail()).isFalse();
    }

    @Test
    void rendersTheSameSummaryAsTheVersionThatWroteIt() throws IOException {
        copy("journal.jsonl");
        Reports.render(runDir);
        ObjectMapper json = new ObjectMapper();
        JsonNode now = json.readTree(runDir.resolve("summary.json").toFile());
        try (InputStream then = resource("summary.json")) {
            assertThat(now).isEqualTo(json.readTree(then));
        }
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("lab-nginx-reload", "lab-haproxy-runtime");
    }

    private Path copy(String name) throws IOException {
        Path file = runDir.resolve(name);
        try (InputStream in = resource(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static InputStream resource(String name) {
        return SchemaOneJournalTest.class.getResourceAsStream("/schema-1/" + name);
    }
}
