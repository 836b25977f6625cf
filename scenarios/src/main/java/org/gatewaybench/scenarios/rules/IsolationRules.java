package org.gatewaybench.scenarios.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.IsolationSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/**
 * Isolation: two backends (A's and B's), two distinct tenants, bounded loops, and only checks every
 * gateway of the run can run on its fixture, intrusive ones on a kubeconfig cluster only when the
 * scenario opts in. A refused check names the gateway and the driver's reason.
 */
public final class IsolationRules implements SectionRules<IsolationSpec> {

    /** The longest storm or quiet phase a scenario may ask for. */
    static final Duration MAX_PHASE = Duration.ofMinutes(10);

    @Override
    public void check(IsolationSpec spec, Scenario scenario, Findings findings) {
        if (scenario.backends() < 2) {
            findings.atRoot("backends", "at least 2 backends when isolation is set (A's routes and B's answer from "
                    + "different backends)", String.valueOf(scenario.backends()));
        }
        if (spec.victim().equals(spec.attacker())) {
            findings.at("attacker", "a tenant other than the victim '" + spec.victim() + "'", "'" + spec.attacker() + "'");
        }
        for (String tenant : List.of(spec.victim(), spec.attacker())) {
            if (tenant.startsWith(IsolationSpec.BYSTANDER_PREFIX)) {
                findings.at(tenant.equals(spec.victim()) ? "victim" : "attacker", "a name not starting with "
                        + IsolationSpec.BYSTANDER_PREFIX + " (the quiet tenants' names)", "'" + tenant + "'");
            }
        }
        if (spec.storm().duration().compareTo(MAX_PHASE) > 0) {
            findings.at("storm.routes", "a storm of at most " + Durations.format(MAX_PHASE) + " (routes / rate)",
                    spec.storm().routes() + " routes at " + spec.storm().rate() + "/s");
        }
        if (spec.window().compareTo(MAX_PHASE) > 0) {
            findings.at("window", "at most " + Durations.format(MAX_PHASE), Durations.format(spec.window()));
        }
        boolean listed = !spec.checks().isEmpty();
        for (int i = 0; i < spec.checks().size(); i++) {
            IsolationCheck check = spec.checks().get(i);
            for (GatewaySpec g : scenario.gateways()) {
                Optional<GatewayDriver> driver = GatewayCatalog.find(g.name());
                if (driver.isEmpty() || !driver.get().fixtures().contains(scenario.fixture())) {
                    continue; // the gateway's own rules say so
                }
                supported(check, driver.get(), scenario.fixture(), spec, listed ? "checks[" + i + "]" : "checks",
                        findings);
            }
        }
    }

    /** Refuses {@code check} at {@code field} when {@code driver} cannot run it on {@code fixture}, or needs an opt-in. */
    static void supported(IsolationCheck check, GatewayDriver driver, FixtureKind fixture, IsolationSpec spec,
                                  String field, Findings findings) {
        IsolationProfile profile = driver.isolation(fixture);
        CheckSupport support = profile.support(check);
        if (support.mode() == CheckSupport.Mode.CANNOT_RUN) {
            findings.at(field, "a check gateway " + driver.name() + " can run on fixture " + fixture + " ("
                    + support.how() + ")", "'" + check + "'");
        } else if (support.mode() == CheckSupport.Mode.RUNS && support.intrusive() && fixture == FixtureKind.KUBECONFIG
                && !spec.intrusive()) {
            findings.at(field, "isolation.intrusive: true to run " + check + " on a kubeconfig cluster: on gateway "
                    + driver.name() + " it " + support.how() + ", in a gateway others may share", "'" + check + "'");
        }
    }
}
