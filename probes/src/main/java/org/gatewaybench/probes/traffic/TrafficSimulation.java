package org.gatewaybench.probes.traffic;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;
import org.gatewaybench.backend.BackendHeaders;
import org.gatewaybench.core.route.Route;

/**
 * The Gatling simulation of the traffic probe: one virtual user per request, arriving at a
 * constant rate (open model, so a slow gateway cannot slow the arrivals down), over connections
 * shared and kept alive across users as a real client population's would be through a pool.
 * Every answer must be a 200 from the route's backend. Public only because Gatling instantiates it
 * by name; run it through {@link TrafficProbe}.
 */
public final class TrafficSimulation extends Simulation {

    /** The request name in Gatling's report. */
    static final String REQUEST_NAME = "stable-route";
    /** The header by which every backend names itself. */
    static final String BACKEND_HEADER = BackendHeaders.BACKEND_ID;

    public TrafficSimulation() {
        ActiveTraffic run = ActiveTraffic.current();
        TrafficPlan plan = run.plan();
        TrafficRecorder recorder = run.recorder();

        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl())
                .shareConnections()
                .disableWarmUp() // the default warm-up fetches a public web site
                .disableFollowRedirect()
                .disableCaching()
                .disableAutoReferer()
                .userAgentHeader("gateway-bench-traffic");

        ScenarioBuilder traffic = scenario("traffic " + plan.gateway())
                // Users that arrive after a stop request end the run early (the churn ended).
                .exec(stopLoadGeneratorIf("stop requested", session -> run.stopRequested().get()))
                .feed(listFeeder(records(plan.routes())).circular())
                .exec(http(REQUEST_NAME).get("#{path}")
                        .header("Host", "#{host}")
                        .requestTimeout(plan.requestTimeout())
                        // Save first, judge after, so a failed judgement still leaves the facts.
                        .check(status().saveAs("status"),
                                responseTimeInMillis().saveAs("latencyMs"),
                                header(BACKEND_HEADER).optional().saveAs("backendId"),
                                status().is(200),
                                header(BACKEND_HEADER).isEL("#{backend}")))
                .exec(session -> {
                    record(recorder, session);
                    return session;
                });

        recorder.begin();
        setUp(traffic.injectOpen(constantUsersPerSec(plan.ratePerSecond()).during(plan.duration())))
                .protocols(protocol)
                .maxDuration(plan.maxRunTime());
    }

    private static List<Map<String, Object>> records(List<Route> routes) {
        return routes.stream()
                .map(r -> Map.<String, Object>of("host", r.host(), "path", r.pathPrefix(), "backend", r.backend().id()))
                .toList();
    }

    private static void record(TrafficRecorder recorder, Session session) {
        int status = session.contains("status") ? session.getInt("status") : -1;
        long latencyMs = session.contains("latencyMs") ? session.getInt("latencyMs") : -1;
        String backendId = session.contains("backendId") ? session.getString("backendId") : null;
        boolean wrongBackend = status == 200 && backendId != null && !backendId.equals(session.getString("backend"));
        recorder.record(status, latencyMs, wrongBackend, !session.isFailed());
    }
}
