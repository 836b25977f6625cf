package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path runDir;

    private static Journals run() {
        return new Journals().runStarted("nginx").gatewayStarted("nginx", 0)
                .write("nginx", 1, "create", 10).polls("nginx", 1, 20, 10, "ok", "ok", "ok")
                .runEnded(100);
    }

    @Test
    void rendersEveryReportFromTheJournalOfARunFolder() throws IOException {
        try (JournalWriter writer = JournalWriter.create(runDir.resolve(JournalReader.NAME))) {
            for (Event e : run().events()) {
                writer.append(e);
            }
        }
        var written = Reports.render(runDir).files();

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("summary.json", "summary.md", "report.html", "activation-nginx.hlog",
                        "first-answer-nginx.hlog", "deactivation-nginx.hlog", "allure-results");
        assertThat(Files.readString(runDir.resolve("summary.json"))).contains("\"status\" : \"completed\"");
    }

    @Test
    void reRenderingReplacesOldReportsWholeAndLeavesNoTemporaryFiles() throws IOException {
        Files.writeString(runDir.resolve("report.html"), "old report, longer than nothing ".repeat(5000));
        Reports.render(run().history(), runDir);
        Reports.render(run().history(), runDir);

        assertThat(Files.readString(runDir.resolve("report.html"))).startsWith("<!DOCTYPE html>")
                .doesNotContain("old report").endsWith("</html>\n");
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aFolderWithoutJournalIsAClearError() {
        assertThatThrownBy(() -> Reports.render(runDir)).isInstanceOf(IOException.class)
                .hasMessage("no journal in " + runDir
                        + ": expected a run folder holding journal.jsonl.gz (or journal.jsonl)");
    }
}
