package org.gatewaybench.gateways.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.LocalLab;
import org.gatewaybench.gateways.FaultCatalog;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;

/**
 * What every lab driver is: a real data-plane program run on the embedded fixture with a small
 * controller in the harness, taking the faults of {@link #FAULTS}. A driver says how its program is
 * found, which options it adds, and how its data plane starts and paces its applies.
 */
public abstract class LabDriver implements GatewayDriver {

    /** Every fault a lab gateway can take: what the lab drivers support is derived from it. */
    public static final FaultCatalog<LabGateway> FAULTS = new FaultCatalog<>(List.of(new KillDataPlane(),
            new FreezeDataPlane(), new SqueezeDataPlane(), new KillController(), new FreezeController(),
            new PartitionController()));

    private final String name;
    private final String description;
    private final String program;
    private final String requirement;
    private final GatewayOption binary;
    private final GatewayOption crossTenant;

    /**
     * @param program     the executable's default name, e.g. nginx
     * @param requirement what to install, for `gateway-bench gateways`, e.g. "nginx (apt-get install nginx)"
     * @param crossTenant the driver's crossTenantBackends option, with the default of the gateway it models
     */
    protected LabDriver(String name, String description, String program, String requirement,
                        GatewayOption crossTenant) {
        this.name = name;
        this.description = description;
        this.program = program;
        this.requirement = requirement;
        this.binary = LabOptions.binary(program);
        this.crossTenant = crossTenant;
    }

    /** The driver's option that lets snippet annotations into its configuration, or null when it has none. */
    protected GatewayOption snippetsOption() {
        return null;
    }

    /** How snippet-injection applies to this data plane. */
    protected abstract CheckSupport snippetSupport();

    /** Starts the data plane on {@code port} of {@code lab}; the driver's own options come from {@code context}. */
    protected abstract LabDataPlane startDataPlane(InstallContext context, LocalLab lab, DataPlaneBinary binary,
                                                   int port);

    /** How the controller paces applies: the shared applyDelay, plus what the driver adds. */
    protected abstract LabController.Pacing pacing(InstallContext context);

    /** The options of this driver beyond the binary, applyDelay and port that every lab driver takes. */
    protected abstract List<GatewayOption> ownOptions();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<FixtureKind> fixtures() {
        return Set.of(FixtureKind.EMBEDDED);
    }

    @Override
    public final List<String> requirements() {
        return List.of(requirement);
    }

    @Override
    public final List<GatewayOption> options() {
        List<GatewayOption> options = new ArrayList<>();
        options.add(binary);
        options.addAll(ownOptions());
        options.add(LabOptions.CONFLICT_POLICY);
        options.add(LabOptions.HOST_OWNERSHIP);
        options.add(LabOptions.ROUTE_VALIDATION);
        options.add(crossTenant);
        options.add(LabOptions.APPLY_DELAY);
        options.add(LabOptions.APPLY_DELAY_EACH);
        options.add(LabOptions.PORT);
        options.add(LabOptions.NEVER_SERVE);
        return List.copyOf(options);
    }

    @Override
    public final Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        return FAULTS.supported(fixture, target);
    }

    /** Every check runs in the lab; how each is written here follows from the driver's options. */
    @Override
    public final IsolationProfile isolation(FixtureKind fixture) {
        Map<IsolationCheck, CheckSupport> checks = new EnumMap<>(IsolationCheck.class);
        checks.put(IsolationCheck.SAME_HOST_SAME_PATH, CheckSupport.runs("two tenants' routes for one host and path; "
                + "option conflictPolicy decides, hostOwnership strict refuses the second tenant"));
        checks.put(IsolationCheck.SUB_PATH_CAPTURE, CheckSupport.runs("B's route for /api under A's host; "
                + "hostOwnership strict refuses it"));
        checks.put(IsolationCheck.WILDCARD_CAPTURE, CheckSupport.runs("B's route for *.<A's domain>; an exact host "
                + "wins over a wildcard; hostOwnership strict refuses it"));
        checks.put(IsolationCheck.CROSS_NAMESPACE_BACKEND, CheckSupport.runs("B's route names A's backend as A's "
                + "Service; option crossTenantBackends follows or refuses it"));
        checks.put(IsolationCheck.CONFIG_POISONING, CheckSupport.runs("B's route with path "
                + IsolationProfile.DEFAULT_POISON_PATH + "; with routeValidation false it reaches the data plane's "
                + "configuration"));
        checks.put(IsolationCheck.SNIPPET_INJECTION, snippetSupport());
        checks.put(IsolationCheck.CONTROL_PLANE_EXPOSURE, CheckSupport.runs("the data plane's control endpoints, "
                + "tried from this machine's loopback (where the lab's tenant workloads, the backends, run); the "
                + "controller lives in the harness"));
        checks.put(IsolationCheck.NOISY_NEIGHBOUR, CheckSupport.runs("B's routes at the storm rate, quiet tenants' "
                + "routes timed before and during"));
        return new IsolationProfile(checks, snippetsOption() == null ? null : LabPolicy.SERVER_SNIPPET,
                IsolationProfile.DEFAULT_POISON_PATH);
    }

    /** The data plane's binary, found where the install would look, and its version. */
    @Override
    public final List<Check> preflight(Map<String, String> options) {
        String name = program + " for " + this.name;
        try {
            DataPlaneBinary found = DataPlaneBinary.find(options.getOrDefault(binary.name(), binary.fallback()), binary,
                    "apt-get install " + program);
            return List.of(Check.ok(name, found.path() + " " + found.version()));
        } catch (GatewayException e) {
            return List.of(Check.problem(name, e.getMessage(), "bin/setup installs nginx, HAProxy and wrk with apt-get"));
        }
    }

    /** The data plane's program and the version its binary prints, as {@link LabGateway#versions()} has them. */
    @Override
    public final Map<String, String> versionsHere(Map<String, String> options) {
        try {
            return Map.of(program, DataPlaneBinary.find(options.getOrDefault(binary.name(), binary.fallback()), binary,
                    "apt-get install " + program).version());
        } catch (GatewayException e) {
            return Map.of();
        }
    }

    @Override
    public final Gateway install(InstallContext context) {
        LocalLab lab = context.fixture().capability(LocalLab.class).orElseThrow(() -> new GatewayException(
                name + " runs only on the embedded fixture, not on " + context.fixture().kind()));
        DataPlaneBinary found = DataPlaneBinary.of(context, binary, "apt-get install " + program);
        LabController.Pacing pacing = pacing(context);
        LabPolicy policy = LabOptions.policy(context, crossTenant, snippetsOption());
        int port = LabOptions.port(lab, context);
        return LabGateway.start(name, context, lab, port, p -> startDataPlane(context, lab, found, p), pacing,
                policy);
    }
}
