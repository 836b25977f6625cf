package org.gatewaybench.probes.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:41234/a
              1 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   148.53us   56.12us   2.57ms   91.11%
                Req/Sec    50.12k     2.01k   53.77k    78.00%
              Latency Distribution
                 50%  137.00us
                 75%  154.00us
                 90%  185.00us
                 99%    1.34ms
              249446 requests in 5.00s, 29.97MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 5
            Requests/sec:  49880.47
            Transfer/sec:      5.99MB
            """;

    @Test
    void parsesPercentilesRateAndErrorsInTheirUnits() {
        WrkResult r = WrkResult.parse(OUTPUT);
        assertThat(r.p50()).isEqualTo(Duration.ofNanos(137_000));
        assertThat(r.p75()).isEqualTo(Duration.ofNanos(154_000));
        assertThat(r.p90()).isEqualTo(Duration.ofNanos(185_000));
        assertThat(r.p99()).isEqualTo(Duration.ofNanos(1_340_000));
        assertThat(r.max()).isEqualTo(Duration.ofNanos(2_570_000));
        assertThat(r.requests()).isEqualTo(249_446);
        assertThat(r.requestsPerSecond()).isEqualTo(49_880.47);
        assertThat(r.errorAnswers()).isEqualTo(5);
        assertThat(r.socketErrors()).isEqualTo(3);
    }

    @Test
    void outputWithoutLatencyDistributionIsRefusedWithTheReason() {
        String withoutDistribution = OUTPUT.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");
        assertThatThrownBy(() -> WrkResult.parse(withoutDistribution))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrk --latency");
    }
}
