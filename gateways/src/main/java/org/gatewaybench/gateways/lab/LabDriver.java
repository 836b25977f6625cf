package org.gatewaybench.gateways.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
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

    /**
     * @param program     the executable's default name, e.g. nginx
     * @param requirement what to install, for `gateway-bench gateways`, e.g. "nginx (apt-get install nginx)"
     */
    protected LabDriver(String name, String description, String program, String requirement) {
        this.name = name;
        this.description = description;
        this.program = program;
        this.requirement = requirement;
        this.binary = LabOptions.binary(program);
    }

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
        int port = LabOptions.port(lab, context);
        return LabGateway.start(name, context, lab, port, p -> startDataPlane(context, lab, found, p), pacing);
    }
}
