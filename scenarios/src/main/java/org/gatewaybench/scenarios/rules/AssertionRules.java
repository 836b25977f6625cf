package org.gatewaybench.scenarios.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.assertion.Bound;
import org.gatewaybench.reports.assertion.Figure;
import org.gatewaybench.reports.assertion.Figures;
import org.gatewaybench.reports.assertion.InvalidAssertionException;
import org.gatewaybench.scenarios.model.AssertionSpec;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/**
 * An assertion names a figure of the reports that this scenario measures, with a bound that fits
 * the figure's unit and that some value could meet, on gateways of the run.
 */
public final class AssertionRules implements SectionRules<AssertionSpec> {

    /** The figures of these analyses exist only when the scenario has the section that measures them. */
    private static final Map<Analysis, Need> NEEDS = Map.of(
            Analysis.TRAFFIC, new Need("traffic", s -> s.trafficSpec().isPresent()),
            Analysis.LONG_CONNECTIONS, new Need("longConnections", s -> s.longConnectionSpec().isPresent()),
            Analysis.RESOURCES, new Need("resources", s -> s.resourceSpec().isPresent()),
            Analysis.FAULTS, new Need("chaos", s -> !s.chaos().isEmpty()),
            Analysis.ISOLATION, new Need("isolation", s -> s.isolationSpec().isPresent()));

    private record Need(String section, Predicate<Scenario> present) {
    }

    @Override
    public void check(AssertionSpec spec, Scenario scenario, Findings findings) {
        Figure figure;
        try {
            figure = Figures.require(spec.figure());
        } catch (InvalidAssertionException e) {
            findings.at("figure", e.expected(), e.found());
            return;
        }
        try {
            Bound.parse(spec.bound(), figure.unit());
        } catch (InvalidAssertionException e) {
            findings.at("bound", e.expected() + " (" + figure.name() + " is a " + figure.unit() + ")", e.found());
        }
        Need need = NEEDS.get(figure.family());
        if (need != null && !need.present().test(scenario)) {
            findings.at("figure", "a figure this scenario measures: " + figure.name() + " needs a " + need.section()
                    + " section", "'" + figure.name() + "' without one");
        }
        List<String> run = scenario.gateways().stream().map(GatewaySpec::name).toList();
        for (int i = 0; i < spec.gateways().size(); i++) {
            if (!run.contains(spec.gateways().get(i))) {
                findings.at("gateways[" + i + "]", "a gateway of this run: " + String.join(", ", run),
                        "'" + spec.gateways().get(i) + "'");
            }
        }
    }
}
