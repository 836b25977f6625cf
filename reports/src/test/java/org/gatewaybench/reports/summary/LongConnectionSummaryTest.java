package org.gatewaybench.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.gatewaybench.reports.LongConnectionJournals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongConnectionSummaryTest {

    @TempDir
    Path dir;

    @Test
    void summaryJsonCarriesLongConnectionFiguresPerGatewayAndStaysVersion1() throws IOException {
        RunSummary summary = RunSummary.of(RunAnalysis.of(LongConnectionJournals.run().history()));
        Path file = SummaryJsonWriter.write(summary, dir);
        assertThat(SummaryJsonWriter.read(file)).isEqualTo(summary);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("summaryVersion").asInt()).isEqualTo(1);
        JsonNode nginx = json.at("/gateways/0/longConnections");
        assertThat(json.at("/gateways/0/name").asText()).isEqualTo("nginx");
        assertThat(nginx.get("drops").asLong()).isEqualTo(3);
        assertThat(nginx.get("routeChanges").asLong()).isEqualTo(4);
        assertThat(nginx.get("configApplies").asLong()).isEqualTo(2);
        assertThat(nginx.get("dropsPer1000RouteChanges").asDouble()).isEqualTo(750.0);
        assertThat(nginx.get("dropsPerConfigApply").asDouble()).isEqualTo(1.5);
        assertThat(nginx.get("failedReconnects").asLong()).isEqualTo(1);
        assertThat(nginx.at("/kinds/websocket/drops").asLong()).isEqualTo(2);
        assertThat(nginx.at("/kinds/websocket/dropsByCause/reset").asLong()).isEqualTo(1);
        assertThat(nginx.at("/kinds/sse/target").asInt()).isEqualTo(1);
        // 5.1 to 5.2 s after the reload: the 5 s to 10 s bucket (the sixth), bounded at 10 s.
        assertThat(nginx.at("/delayFromApply/5/upToNanos").asLong()).isEqualTo(10_000_000_000L);
        assertThat(nginx.at("/delayFromApply/5/drops").asLong()).isEqualTo(3);
        assertThat(nginx.at("/delayFromApply/7/upToNanos").isNull()).as("the open last bucket").isTrue();

        assertThat(json.at("/gateways/1/longConnections/drops").asLong()).isZero();
        assertThat(json.at("/gateways/1/longConnections/dropsPerConfigApply").asDouble()).isZero();
        assertThat(json.at("/gateways/2/name").asText()).isEqualTo("plain");
        assertThat(json.at("/gateways/2/longConnections").isNull()).as("no long connections held").isTrue();
    }
}
