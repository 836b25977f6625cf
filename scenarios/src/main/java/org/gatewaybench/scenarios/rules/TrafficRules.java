package org.gatewaybench.scenarios.rules;

import java.time.Duration;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.probes.traffic.TrafficPlan;
import org.gatewaybench.probes.traffic.WrkRunner;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;
import org.gatewaybench.scenarios.model.TrafficSpec;

/** Traffic goes only to stable routes, and stays within the traffic probe's and wrk's bounds. */
public final class TrafficRules implements SectionRules<TrafficSpec> {

    @Override
    public void check(TrafficSpec t, Scenario scenario, Findings findings) {
        if (scenario.stableRoutes() < 1) {
            findings.atRoot("stableRoutes", "at least 1 stable route when traffic is set (traffic goes only to stable "
                    + "routes)", String.valueOf(scenario.stableRoutes()));
        }
        if (t.duration() != null && t.duration().compareTo(TrafficPlan.MAX_DURATION) > 0) {
            findings.at("duration", "at most " + Durations.format(TrafficPlan.MAX_DURATION),
                    Durations.format(t.duration()));
        }
        Duration planned = t.duration() != null ? t.duration() : TrafficPlan.MAX_DURATION;
        long requests = (long) Math.ceil(t.rate() * planned.toMillis() / 1000.0);
        if (t.duration() != null && requests > TrafficPlan.MAX_REQUESTS) {
            findings.at("rate", "at most " + TrafficPlan.MAX_REQUESTS + " requests in all (rate x duration)",
                    requests + " requests");
        }
        if (t.wrk() != null && t.wrk().duration().compareTo(WrkRunner.MAX_DURATION) > 0) {
            findings.at("wrk.duration", "at most " + Durations.format(WrkRunner.MAX_DURATION),
                    Durations.format(t.wrk().duration()));
        }
    }
}
