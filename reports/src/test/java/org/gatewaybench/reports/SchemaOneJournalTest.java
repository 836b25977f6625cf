package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            JsonNode old = json.readTree(then);
            // summary.json only ever gains fields: every field the old version wrote must read the same.
            assertThat(only(now, old)).isEqualTo(old);
            assertThat(now.at("/gateways/0/routeWrites/acknowledged").asLong()).as("a field added since").isEqualTo(41);
        }
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("lab-nginx-reload", "lab-haproxy-runtime");
    }

    /** {@code node} with only the object fields {@code shape} has, at every depth. */
    private static JsonNode only(JsonNode node, JsonNode shape) {
        if (node.isObject() && shape.isObject()) {
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            shape.fieldNames().forEachRemaining(name -> {
                if (node.has(name)) {
                    kept.set(name, only(node.get(name), shape.get(name)));
                }
            });
            return kept;
        }
        if (node.isArray() && shape.isArray() && node.size() == shape.size()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                kept.add(only(node.get(i), shape.get(i)));
            }
            return kept;
        }
        return node;
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
