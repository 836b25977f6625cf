package org.gatewaybench.probes.isolation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.time.Durations;

/**
 * What the isolation probe does to each gateway, as the scenario's isolation section and probe
 * settings say.
 *
 * @param checks               the checks, in the order they run
 * @param victim               tenant A
 * @param attacker             tenant B
 * @param bystanders           quiet tenants: barriers, blast radius, noisy neighbour (at least one)
 * @param domain               the domain every host of the checks ends in
 * @param settle               how long A's hosts are watched more once B's write has been taken
 * @param latencyRatio         other tenants slowed by more than this factor is degraded
 * @param floor                ... and by more than this many milliseconds (small figures are noise)
 * @param stall                a write not live within this while B's bad route exists is stalled
 * @param stormRoutes          how many routes B creates in noisy-neighbour
 * @param stormRate            B's creates per second
 * @param quietRate            the quiet tenants' creates per second, before and during the storm
 * @param window               how long the quiet tenants are timed before the storm
 * @param pollInterval         the shortest time between two requests for one route
 * @param consecutiveSuccesses right answers in a row that make a route live (the activation rule)
 * @param liveTimeout          a route not live by then is given up
 * @param requestTimeout       a request not answered by then is a timeout
 */
public record IsolationPlan(List<IsolationCheck> checks, String victim, String attacker, List<String> bystanders,
                            String domain, Duration settle, double latencyRatio, Duration floor, Duration stall,
                            int stormRoutes, double stormRate, double quietRate, Duration window,
                            Duration pollInterval, int consecutiveSuccesses, Duration liveTimeout,
                            Duration requestTimeout) {

    public IsolationPlan {
        checks = List.copyOf(checks);
        bystanders = List.copyOf(bystanders);
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(attacker, "attacker");
        if (bystanders.isEmpty()) {
            throw new IllegalArgumentException("the isolation probe needs at least one bystander tenant");
        }
    }

    /** The bounds and sizes a check is judged by, as journaled in its start event. */
    Map<String, String> settings(IsolationCheck check) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("settle", Durations.format(settle));
        s.put("pollInterval", Durations.format(pollInterval));
        switch (check) {
            case CONFIG_POISONING -> {
                s.put(IsolationJudge.STALL_MILLIS, Long.toString(stall.toMillis()));
                s.put(IsolationJudge.LATENCY_RATIO, Double.toString(latencyRatio));
                s.put(IsolationJudge.FLOOR_MILLIS, Long.toString(floor.toMillis()));
            }
            case NOISY_NEIGHBOUR -> {
                s.put(IsolationJudge.LATENCY_RATIO, Double.toString(latencyRatio));
                s.put(IsolationJudge.FLOOR_MILLIS, Long.toString(floor.toMillis()));
                s.put("stormRoutes", Integer.toString(stormRoutes));
                s.put("stormRate", Double.toString(stormRate));
                s.put("quietRate", Double.toString(quietRate));
                s.put("window", Durations.format(window));
            }
            default -> {
                // the settle time and poll interval say all
            }
        }
        return s;
    }
}
