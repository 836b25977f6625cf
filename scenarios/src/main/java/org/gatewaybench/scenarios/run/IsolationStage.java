package org.gatewaybench.scenarios.run;

import java.util.List;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.probes.isolation.IsolationPlan;
import org.gatewaybench.probes.isolation.IsolationProbe;
import org.gatewaybench.scenarios.churn.RouteFactory;
import org.gatewaybench.scenarios.model.IsolationSpec;
import org.gatewaybench.scenarios.model.ProbeSpec;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * The isolation checks of one gateway, run after its stable routes are live and before its churn,
 * so that nothing else changes routes while a check watches. The hosts of the checks live under
 * {@link #DOMAIN}, apart from the churn's.
 */
final class IsolationStage {

    /** The domain every host of the isolation checks ends in. */
    static final String DOMAIN = "iso." + RouteFactory.DOMAIN;

    private IsolationStage() {
    }

    /** The probe's plan for the scenario's isolation section and probe settings. */
    static IsolationPlan plan(IsolationSpec spec, ProbeSpec probe) {
        return new IsolationPlan(spec.checks(), spec.victim(), spec.attacker(), spec.bystanderTenants(), DOMAIN,
                spec.settle(), spec.bounds().latencyRatio(), spec.bounds().floor(), spec.bounds().stall(),
                spec.storm().routes(), spec.storm().rate(), spec.quietRate(), spec.window(), probe.pollInterval(),
                probe.consecutiveSuccesses(), probe.timeout(), probe.requestTimeout());
    }

    /** Runs the checks on {@code gateway} and returns the verdicts as journaled. */
    static List<Events.IsolationVerdict> run(Scenario scenario, IsolationSpec spec, Gateway gateway,
                                             List<Backend> backends, ObservedJournal journal, Clock clock)
            throws InterruptedException {
        var driver = GatewayCatalog.find(gateway.name()).orElseThrow();
        return new IsolationProbe(gateway.name(), gateway.dataPlane(), gateway.routes(), gateway.isolation(),
                driver.isolation(scenario.fixture()), plan(spec, scenario.probe()), backends, journal, clock).run();
    }
}
