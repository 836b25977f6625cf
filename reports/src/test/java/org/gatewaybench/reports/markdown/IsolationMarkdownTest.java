package org.gatewaybench.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class IsolationMarkdownTest {

    @Test
    void theMatrixHasARowPerGatewayAndEachFindingIsExplained() throws IOException {
        String md = MarkdownWriter.render(RunAnalysis.of(IsolationJournals.run().history()));

        int start = md.indexOf("## Tenant isolation");
        String part = md.substring(start, md.indexOf("\n## ", start + 1));
        List<String> rows = part.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).containsExactly(
                "| gateway | same-host-same-path | config-poisoning | control-plane-exposure |",
                "| nginx | **violated** | **violated** | **violated** |",
                "| haproxy | refused | held | held |");
        assertThat(part).contains("- nginx config-poisoning **violated**: 1 of 1 writes of 1 other tenants did not "
                + "go live within 1000 ms");
        assertThat(part.lines().filter(l -> l.startsWith("- "))).hasSize(3);
    }

    @Test
    void aRunWithoutChecksHasNoIsolationPart() throws IOException {
        Journals j = new Journals().runStarted("gw").gatewayStarted("gw", 0).write("gw", 1, "create", 10)
                .runEnded(100);
        assertThat(MarkdownWriter.render(RunAnalysis.of(j.history()))).doesNotContain("Tenant isolation");
    }
}
