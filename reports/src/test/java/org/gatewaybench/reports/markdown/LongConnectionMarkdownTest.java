package org.gatewaybench.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.LongConnectionJournals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class LongConnectionMarkdownTest {

    @Test
    void tablesGiveDropsPerGatewayAndKindAndTheirRates() throws IOException {
        String md = MarkdownWriter.render(RunAnalysis.of(LongConnectionJournals.run().history()));
        int start = md.indexOf("## Long connections");
        String section = md.substring(start, md.indexOf("\n## ", start + 1));
        List<String> rows = section.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).containsSubsequence(
                "| gateway | drops | route changes | drops per 1,000 route changes | config applies "
                        + "| drops per config apply | failed reconnects | drops without a config apply |",
                "| nginx | 3 | 4 | 750 | 2 | 1.5 | 1 | 0 |",
                "| haproxy | 0 | 2 | 0 | 1 | 0 | 0 | 0 |",
                "| nginx | websocket | 2 | 3 | 2 | closed 1, reset 1 | 0 | 0 |",
                "| nginx | sse | 1 | 1 | 1 | closed 1 | 1 | 0 |",
                "| haproxy | websocket | 1 | 1 | 0 | – | 0 | 0 |");
        assertThat(section).doesNotContain("| plain");
    }

    @Test
    void noSectionWithoutLongConnections() throws IOException {
        String md = MarkdownWriter.render(RunAnalysis.of(new Journals().runStarted("nginx")
                .gatewayStarted("nginx", 0).write("nginx", 1, "create", 10).history()));
        assertThat(md).doesNotContain("Long connections");
    }
}
