package org.gatewaybench.scenarios.model;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.core.Records;
import org.gatewaybench.fixtures.FixtureKind;

/**
 * One validated scenario: what to build, which gateways to compare, how to churn routes and how to
 * watch them. Its components are the scenario file's fields ({@link Field}); every one has been
 * checked before a run starts.
 *
 * @param source the file it was read from (not a field of the file)
 */
public record Scenario(
        Path source,
        @Field(help = "the scenario's name, used in run folder names", required = true,
                pattern = Names.PATTERN, form = "a lower-case name like quickstart")
        String name,
        @Field(help = "what the scenario shows", fallback = "")
        String description,
        @Field(help = "where the gateways run", fallback = FixtureKind.DEFAULT_WORD)
        FixtureKind fixture,
        @Field(help = "folder under which each run gets its own folder", fallback = "runs",
                pattern = ".+", form = "a folder path")
        Path output,
        @Field(help = "how many tenants own the routes", fallback = "10", min = 1, max = 100_000)
        int tenants,
        @Field(help = "how many backend instances routes point at", fallback = "4", min = 1, max = 64)
        int backends,
        @Field(help = "routes created before the churn and never changed by it, for long-connection and traffic probes",
                fallback = "0", min = 0, max = 10_000)
        int stableRoutes,
        @Field(help = "the churn's random seed: which routes its updates and deletes pick; the same seed gives the "
                + "same sequence of writes (42 unless set, so one file always churns alike)",
                fallback = "42", min = 0)
        long seed,
        @Field(help = "the gateways to compare, run one after another", required = true, minItems = 1)
        List<GatewaySpec> gateways,
        @Field(help = "how many times each gateway runs, interleaved (a b a b ...) so that drift over time favours "
                + "none; the reports give the median and a 95% confidence interval of each figure", fallback = "1",
                min = 1, max = Scenario.MAX_REPEAT)
        int repeat,
        @Field(help = "the schedule of route writes", required = true)
        ChurnSpec churn,
        @Field(help = "how the activation probe watches routes", fallback = "{}")
        ProbeSpec probe,
        @Field(help = "steady traffic to the stable routes during the churn (Gatling)")
        TrafficSpec traffic,
        @Field(help = "CPU and memory sampling of each gateway component")
        ResourceSpec resources,
        @Field(help = "faults injected into each gateway during its churn, each healed after its duration",
                fallback = "[]")
        List<FaultSpec> chaos,
        @Field(help = "long connections held to the stable routes during the churn, to count the drops config "
                + "applies cause")
        LongConnectionSpec longConnections,
        @Field(help = "tenant isolation checks run on each gateway before its churn: can one tenant's route take, "
                + "break, read or slow down another tenant's traffic")
        IsolationSpec isolation,
        @Field(help = "bounds on figures of the reports that each gateway's run must meet (activation.p99 <= 5s); "
                + "a run that completed with one failed exits with code 3", fallback = "[]")
        List<AssertionSpec> assertions) {

    /** The most times a scenario may run each gateway. */
    public static final int MAX_REPEAT = 100;

    public Scenario {
        gateways = List.copyOf(gateways);
        chaos = List.copyOf(chaos);
        assertions = List.copyOf(assertions);
    }

    /** The faults in time order (faults at the same time keep the file's order). */
    public List<FaultSpec> chaosInTimeOrder() {
        return chaos.stream().sorted(Comparator.comparing(FaultSpec::at)).toList();
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

    /** The isolation settings, when the scenario asks for isolation checks. */
    public Optional<IsolationSpec> isolationSpec() {
        return Optional.ofNullable(isolation);
    }

    /** The same scenario as if read from {@code file}. */
    public Scenario withSource(Path file) {
        return Records.with(this, "source", file);
    }

    /** The same scenario on another fixture (command-line override). */
    public Scenario withFixture(FixtureKind newFixture) {
        return Records.with(this, "fixture", newFixture);
    }

    /** The same scenario with other gateways (command-line override). */
    public Scenario withGateways(List<GatewaySpec> newGateways) {
        return Records.with(this, "gateways", newGateways);
    }

    /** The same scenario writing under another folder (command-line override). */
    public Scenario withOutput(Path newOutput) {
        return Records.with(this, "output", newOutput);
    }

    /** The same scenario with each gateway run {@code times} times (command-line override). */
    public Scenario withRepeat(int times) {
        return Records.with(this, "repeat", times);
    }

    /** The same scenario with another churn seed (command-line override). */
    public Scenario withSeed(long newSeed) {
        return Records.with(this, "seed", newSeed);
    }

    /** The same scenario with every ramp target and steady population set to {@code routes}. */
    public Scenario withRoutes(int routes) {
        return Records.with(this, "churn", churn.withRoutes(routes));
    }
}
