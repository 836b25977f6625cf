package org.gatewaybench.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    @Test
    void comparisonTableHasOneRowPerGatewayAndNotesSayWhatQualifiesTheFigures() throws IOException {
        Journals j = new Journals().runStarted("nginx", "hap|roxy").gatewayStarted("nginx", 0)
                .phaseStarted("nginx", 0, "ramp", "ramp", 0)
                .write("nginx", 1, "create", 10).polls("nginx", 1, 20, 10, "ok", "ok", "ok")
                .phaseEnded("nginx", 0, "ramp", 50)
                .gatewayStarted("hap|roxy", 100)
                .write("hap|roxy", 2, "create", 110) // never judged: the run was cut short
                .append(new org.gatewaybench.core.journal.Events.HarnessLag(Journals.at(120), "hap|roxy", HarnessComponent.CHURN,
                        Journals.nanos(250), 40));
        String md = MarkdownWriter.render(RunAnalysis.of(j.history()));

        String comparison = md.substring(md.indexOf("## Comparison"), md.indexOf("## Repetitions and confidence"));
        List<String> rows = comparison.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(3); // header + one per gateway
        assertThat(rows.get(1)).startsWith("| nginx | 1 | 10 | 10 | 10 | 10 | 10 | 10 | 0 |");
        assertThat(rows.get(2)).startsWith("| hap\\|roxy | 0 | – |");
        assertThat(rows).allSatisfy(r -> assertThat(r.split("(?<!\\\\)\\|")).hasSize(14));
        String phases = md.substring(md.indexOf("## Phases"), md.indexOf("## Notes"));
        assertThat(phases.lines().filter(l -> l.startsWith("| nginx | ramp"))).hasSize(1);
        assertThat(md).contains("Outcome: **interrupted** (the journal has no run-ended event)")
                .contains("hap\\|roxy: 1 acknowledged writes have no verdict")
                .contains("The harness fell behind once (churn): up to 250.0 ms late");
    }

    @Test
    void journalTextCannotInjectMarkupOrBreakRows() {
        assertThat(MarkdownWriter.text("<img src=x onerror=1>|a\nb*c")).isEqualTo("&lt;img src=x onerror=1&gt;\\|a b\\*c");
    }
}
