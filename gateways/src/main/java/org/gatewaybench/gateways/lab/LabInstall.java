package org.gatewaybench.gateways.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;

/** The steps both lab drivers take to install: check the fixture, read options, start, wire up. */
public final class LabInstall {

    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));

    /** Options both lab drivers take. */
    public static final GatewayOption APPLY_DELAY = new GatewayOption("applyDelay", GatewayOption.Type.DURATION,
            "0s", "how long the controller waits after a change before applying (to calibrate the activation probe)");
    public static final GatewayOption PORT = GatewayOption.integer("port", 0, 0, 65_535,
            "the loopback port of the data plane; 0 takes any free port");

    /** The option naming a lab driver's executable, {@code program} by default. */
    public static GatewayOption binaryOption(String program) {
        return new GatewayOption("binary", GatewayOption.Type.STRING, program,
                "the " + program + " executable: a name looked up on PATH and in /usr/sbin, or a path");
    }

    private LabInstall() {
    }

    /** The embedded fixture of the context, or a GatewayException naming the driver's need. */
    public static EmbeddedFixture embeddedFixture(InstallContext context, String driver) {
        if (context.fixture() instanceof EmbeddedFixture embedded) {
            return embedded;
        }
        throw new GatewayException(driver + " runs only on the embedded fixture, not on " + context.fixture().kind());
    }

    /** A duration option, e.g. 2s; a clear error for anything else. */
    public static Duration duration(InstallContext context, GatewayOption option) {
        try {
            return Durations.parse(context.option(option));
        } catch (IllegalArgumentException e) {
            throw new GatewayException("option " + option.name() + ": " + e.getMessage());
        }
    }

    /** An integer option of at least {@code min}; a clear error for anything else. */
    public static int integer(InstallContext context, GatewayOption option, int min) {
        String text = context.option(option);
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GatewayException("option " + option.name() + ": expected an integer >= " + min + ", found '" + text + "'");
    }

    /**
     * The data plane's executable: an explicit path, or a name looked up on PATH and in the sbin
     * folders (which a non-login PATH often lacks).
     */
    public static Path binary(InstallContext context, GatewayOption option, String installHint) {
        String text = context.option(option).trim();
        List<Path> candidates = new ArrayList<>();
        if (text.contains("/")) {
            candidates.add(Path.of(text));
        } else {
            String path = System.getenv().getOrDefault("PATH", "");
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, text));
                }
            }
            SBIN.forEach(dir -> candidates.add(dir.resolve(text)));
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst()
                .orElseThrow(() -> new GatewayException(text + " not found: install it (" + installHint
                        + ") or set gateways[].options." + option.name()));
    }

    /** The data plane's port: any free one for 0, else exactly the one asked for if it is free. */
    public static int port(EmbeddedFixture fixture, InstallContext context, GatewayOption option) {
        int asked = integer(context, option, 0);
        try {
            return asked == 0 ? fixture.ports().allocate() : fixture.ports().claim(asked);
        } catch (FixtureException e) {
            throw new GatewayException(e.getMessage(), e);
        }
    }

    /** The backend ids of the context, which every route must use. */
    public static List<String> backendIds(InstallContext context) {
        return context.backends().stream().map(Backend::id).collect(Collectors.toList());
    }

    /**
     * Starts the data plane on {@code port} and wires the route store and the controller to it.
     * Whatever was started is stopped and the port released if a step fails.
     */
    public static LabGateway run(String driver, InstallContext context, EmbeddedFixture fixture, int port,
                                 IntFunction<LabDataPlane> startDataPlane, LabController.Pacing pacing) {
        LabDataPlane dataPlane;
        try {
            dataPlane = startDataPlane.apply(port);
        } catch (RuntimeException e) {
            fixture.ports().release(port);
            throw e instanceof GatewayException ? e : new GatewayException(driver + " did not start: " + e.getMessage(), e);
        }
        EmbeddedRouteStore routes = fixture.newRouteStore();
        RouteTable table = new RouteTable(Set.copyOf(backendIds(context)));
        return new LabGateway(driver, routes, dataPlane,
                appliesBefore -> new LabController(driver, routes, dataPlane, table, context.journal(),
                        context.clock(), pacing, appliesBefore),
                fixture.ports(), fixture.processes());
    }

    /**
     * The faults both lab drivers support on the embedded fixture: the controller is killed
     * (and restarted), frozen or cut off from its route store; the data plane is killed (and
     * restarted), frozen or squeezed. There is no node to restart in the lab.
     */
    public static Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        if (fixture != FixtureKind.EMBEDDED) {
            return Set.of();
        }
        return switch (target) {
            case CONTROLLER -> Set.of(FaultAction.KILL, FaultAction.FREEZE, FaultAction.PARTITION);
            case DATA_PLANE -> Set.of(FaultAction.KILL, FaultAction.FREEZE, FaultAction.SQUEEZE);
            case NODE -> Set.of();
        };
    }
}
