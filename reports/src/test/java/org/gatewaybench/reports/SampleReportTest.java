package org.gatewaybench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample two-gateway run into target/sample-report (to look at in a browser) and
 * checks the figures the generator's timing implies.
 */
class SampleReportTest {

    private static final Path OUT = Path.of("target", "sample-report");

    @Test
    void sampleRunRendersWithTheFiguresItsTimingImplies() throws IOException {
        History history = SampleHistories.twoGateways(1000);
        Files.createDirectories(OUT);
        Files.deleteIfExists(OUT.resolve(JournalReader.NAME));
        try (JournalWriter writer = JournalWriter.create(OUT.resolve(JournalReader.NAME))) {
            for (Event e : history.events()) {
                writer.append(e);
            }
        }
        Reports.render(OUT);

        RunAnalysis analysis = RunAnalysis.of(history);
        ActivationFigures nginx = analysis.activation().get(SampleHistories.NGINX).overall();
        ActivationFigures haproxy = analysis.activation().get(SampleHistories.HAPROXY).overall();
        assertThat(nginx.activation().count()).isEqualTo(1000 - 2 + 200);
        assertThat(nginx.neverActivated()).isEqualTo(2);
        assertThat(haproxy.activation().count()).isEqualTo(1200);
        assertThat(haproxy.deactivation().count()).isEqualTo(1000);
        // batches every 2 s against every 20 ms: an order of magnitude apart at least
        assertThat(nginx.activation().p50Nanos()).isGreaterThan(10 * haproxy.activation().p50Nanos());
        assertThat(nginx.activation().maxNanos()).isLessThan(3_000_000_000L);
        assertThat(haproxy.activation().p99Nanos()).isLessThan(100_000_000L);
        assertThat(analysis.configApplies().get(SampleHistories.NGINX).figures().mechanisms()).containsExactly("reload");
        assertThat(Files.readString(OUT.resolve("report.html"))).contains(SampleHistories.HAPROXY);
    }
}
