package org.gatewaybench.probes.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    private static final InetSocketAddress DATA_PLANE = new InetSocketAddress("127.0.0.1", 8080);
    private static final List<Route> ROUTES = List.of(new Route(new RouteKey("t1", "r1"), "t1.example", "/",
            new Backend("b0", "127.0.0.1", 9000), 1));

    private static TrafficPlan plan(List<Route> routes, double rate, Duration duration, Duration timeout) {
        return new TrafficPlan("lab-nginx-reload", DATA_PLANE, routes, rate, duration, timeout, Path.of("out"));
    }

    @Test
    void plannedRequestsAndBoundsFollowRateAndDuration() {
        TrafficPlan plan = plan(ROUTES, 12.5, Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(plan.plannedRequests()).isEqualTo(50);
        assertThat(plan.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(plan.maxRunTime()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void refusesPlansWithoutRoutesOrBeyondTheBounds() {
        assertThatThrownBy(() -> plan(List.of(), 10, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("at least one stable route");
        assertThatThrownBy(() -> plan(ROUTES, 0, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("rate").hasMessageContaining("found 0.0");
        assertThatThrownBy(() -> plan(ROUTES, 10, Duration.ofHours(3), Duration.ofSeconds(1)))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> plan(ROUTES, 10, Duration.ofSeconds(5), Duration.ofMillis(10)))
                .hasMessageContaining("request timeout");
        assertThatThrownBy(() -> plan(ROUTES, 20_000, Duration.ofHours(1), Duration.ofSeconds(1)))
                .hasMessageContaining("72000000 requests");
    }
}
