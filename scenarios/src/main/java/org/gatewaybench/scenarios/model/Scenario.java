package org.gatewaybench.scenarios.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.fixtures.FixtureKind;

/**
 * One validated scenario: what to build, which gateways to compare, how to churn routes and how to
 * watch them. Loaded by {@code ScenarioLoader}; every field has been checked before a run starts.
 *
 * @param source   the file it was read from
 * @param output   the folder under which each run gets a folder of its own
 * @param tenants  how many tenants own the routes (route i belongs to tenant i mod tenants)
 * @param backends how many backend instances routes are spread over
 * @param stableRoutes routes created before the churn and never touched by it, for the probes
 *                     that watch what churn does to other routes' traffic
 * @param traffic  steady traffic to the stable routes during the churn, or null for none
 * @param resources CPU and memory sampling of the gateways, or null for none
 * @param chaos    faults injected during the churn, in time order (empty for none)
 * @param longConnections long connections held to the stable routes during the churn, or null for none
 */
public record Scenario(Path source, String name, String description, FixtureKind fixture, Path output,
                       List<GatewaySpec> gateways, int tenants, int backends, int stableRoutes, ChurnSpec churn,
                       ProbeSpec probe, TrafficSpec traffic, ResourceSpec resources, List<FaultSpec> chaos,
                       LongConnectionSpec longConnections) {

    public Scenario {
        gateways = List.copyOf(gateways);
        chaos = List.copyOf(chaos);
    }

    /** The traffic settings, when the scenario asks for traffic. */
    public Optional<TrafficSpec> trafficSpec() {
        return Optional.ofNullable(traffic);
    }

    /** The resource sampling settings, when the scenario asks for sampling. */
    public Optional<ResourceSpec> resourceSpec() {
        return Optional.ofNullable(resources);
    }

    /** The long-connection settings, when the scenario asks for long connections. */
    public Optional<LongConnectionSpec> longConnectionSpec() {
        return Optional.ofNullable(longConnections);
    }

    /** The same scenario on another fixture (command-line override). */
    public Scenario withFixture(FixtureKind newFixture) {
        return new Scenario(source, name, description, newFixture, output, gateways, tenants, backends,
                stableRoutes, churn, probe, traffic, resources, chaos, longConnections);
    }

    /** The same scenario with other gateways (command-line override). */
    public Scenario withGateways(List<GatewaySpec> newGateways) {
        return new Scenario(source, name, description, fixture, output, newGateways, tenants,
                backends, stableRoutes, churn, probe, traffic, resources, chaos, longConnections);
    }

    /** The same scenario writing under another folder (command-line override). */
    public Scenario withOutput(Path newOutput) {
        return new Scenario(source, name, description, fixture, newOutput, gateways, tenants, backends,
                stableRoutes, churn, probe, traffic, resources, chaos, longConnections);
    }

    /** The same scenario with every ramp target and steady population set to {@code routes}. */
    public Scenario withRoutes(int routes) {
        return new Scenario(source, name, description, fixture, output, gateways, tenants, backends,
                stableRoutes, churn.withRoutes(routes), probe, traffic, resources, chaos, longConnections);
    }
}
