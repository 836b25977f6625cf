package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * One gateway's part of a run, as a {@link Companion} sees it when it starts: the gateway is
 * installed and its stable routes are active.
 *
 * @param stableRoutes routes the churn never touches (see the scenario's stableRoutes)
 * @param workDir      this gateway's folder in the run folder
 * @param journal      the run journal; listeners see every event as it is appended
 */
public record GatewayRun(Scenario scenario, GatewaySpec spec, Gateway gateway, Fixture fixture,
                         List<Backend> backends, List<Route> stableRoutes, Path workDir, ObservedJournal journal,
                         Clock clock) {

    public GatewayRun {
        backends = List.copyOf(backends);
        stableRoutes = List.copyOf(stableRoutes);
    }
}
