package org.gatewaybench.core.journal;

import org.gatewaybench.core.resources.ProcessRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

/** The traffic, resource and gateway-metric events survive a journal line, NaN and infinities included. */
class ProbeEventsRoundTripTest {

    @Test
    void trafficResourceAndMetricEventsReadBackEqual() throws JsonProcessingException {
        Stamp at = new Stamp(5, 6);
        List<Event> events = List.of(
                new Events.TrafficWindow(at, "gw", 0, 1_000_000_000, 10, 9, 1, Map.of("200", 9L, "no-answer", 1L), 0,
                        1, 4, 7),
                new Events.TrafficSummary(at, "gw", 0, 5_000_000_000L, 200, 1000, 999, 1, 0, 1, 2, 8, 75, 0.4,
                        Map.of("200", 999L, "502", 1L), 0, Map.of("status.find.is(200), but actually found 502", 1L),
                        "runs/r1/gatling/trafficsimulation-1"),
                new Events.ResourceSample(at, "gw", "nginx", 4242, ProcessRole.DRAINING_WORKER, 1.5, 4_000_000),
                new Events.ResourceSummary(at, "gw", "nginx", 4, 2, 1, 3.25, 12_000_000),
                new Events.GatewayMetric(at, "gw", "go_gc_duration_seconds", Map.of("quantile", "1"), Double.NaN),
                new Events.GatewayMetric(at, "gw", "h_bucket", Map.of("le", "+Inf"), Double.POSITIVE_INFINITY));
        for (Event e : events) {
            String line = JournalCodec.toLine(e);
            assertThat(JournalCodec.fromLine(line)).as(line).isEqualTo(e);
        }
        assertThat(JournalCodec.toLine(events.get(0))).contains("\"type\":\"traffic-window\"");
        assertThat(JournalCodec.toLine(events.get(2))).contains("\"type\":\"resource-sample\"");
    }
}
