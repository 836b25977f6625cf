package org.gatewaybench.scenarios.rules;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/** A gateway must be a known driver that runs on the scenario's fixture, with options the driver has. */
public final class GatewayRules implements SectionRules<GatewaySpec> {

    @Override
    public void check(GatewaySpec spec, Scenario scenario, Findings findings) {
        Optional<GatewayDriver> found = GatewayCatalog.find(spec.name());
        if (found.isEmpty()) {
            findings.at("name", "a known gateway: " + GatewayCatalog.all().stream().map(GatewayDriver::name)
                    .collect(Collectors.joining(", ")), "'" + spec.name() + "'");
            return;
        }
        GatewayDriver driver = found.get();
        if (!driver.fixtures().contains(scenario.fixture())) {
            findings.at("name", "a gateway that runs on fixture '" + scenario.fixture() + "' (" + spec.name()
                    + " runs on " + driver.fixtures().stream().sorted().map(FixtureKind::word)
                    .collect(Collectors.joining(", ")) + ")", "'" + spec.name() + "'");
        }
        Map<String, GatewayOption> options = driver.options().stream()
                .collect(Collectors.toMap(GatewayOption::name, o -> o));
        spec.options().forEach((name, value) -> {
            GatewayOption option = options.get(name);
            if (option == null) {
                findings.at("options." + name, "an option of " + spec.name() + ": " + String.join(", ", options.keySet()),
                        "unknown option '" + name + "'");
            } else if (!option.accepts(value)) {
                findings.at("options." + name, option.expected(), "'" + value + "'");
            }
        });
    }
}
