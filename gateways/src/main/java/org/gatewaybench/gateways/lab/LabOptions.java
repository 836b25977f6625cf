package org.gatewaybench.gateways.lab;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.LocalLab;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;

/** The options both lab drivers take, and typed reads of any lab driver's options. */
public final class LabOptions {

    public static final GatewayOption APPLY_DELAY = new GatewayOption("applyDelay", GatewayOption.Type.DURATION,
            "0s", "how long the controller waits after a change before applying (to calibrate the activation probe)");
    public static final GatewayOption APPLY_DELAY_EACH = new GatewayOption("applyDelayEach", GatewayOption.Type.BOOLEAN,
            "false", "true: every change is applied exactly applyDelay after the route API acknowledged it, at any "
                    + "write rate (calibration under load); false: applyDelay is waited once per batch");
    public static final GatewayOption PORT = GatewayOption.integer("port", 0, 0, 65_535,
            "the loopback port of the data plane; 0 takes any free port");

    public static final GatewayOption NEVER_SERVE = new GatewayOption("neverServe", GatewayOption.Type.STRING, "",
            "route names (comma-separated, e.g. r000007) the controller silently leaves out of every config, like "
                    + "a controller bug: a forced never-activated finding, to try bundles and replays on");
    /*
     * The isolation behaviours. Their defaults are modelled on real gateways, each fact read at the
     * tag named (see docs/lab-gateways.md).
     */

    /** Oldest wins: ingress-nginx sorts Ingresses by creationTimestamp (store.go sortIngressSlice, controller-v1.15.1); the Gateway API gives the oldest Route precedence (v1.6.1). */
    public static final GatewayOption CONFLICT_POLICY = GatewayOption.choice("conflictPolicy",
            LabPolicy.ConflictPolicy.OLDEST_WINS.word(), Word.words(LabPolicy.ConflictPolicy.class),
            "which of two routes claiming one host and path serves it: oldest-wins (ingress-nginx, the Gateway "
                    + "API) or newest-wins (a later claim takes over; for calibration)");
    /** Shared: neither ingress-nginx nor the Gateway API ties a host to a namespace; OpenShift's router does (routeAdmission.namespaceOwnership, Strict by default). */
    public static final GatewayOption HOST_OWNERSHIP = GatewayOption.choice("hostOwnership",
            LabPolicy.HostOwnership.SHARED.word(), Word.words(LabPolicy.HostOwnership.class),
            "shared: any tenant may add routes under any host (ingress-nginx, the Gateway API); strict: a host and a "
                    + "wildcard's domain belong to the first tenant that claims them (OpenShift's router)");
    /** On: ingress-nginx's chart installs its validating webhook by default (controller.admissionWebhooks.enabled, 4.15.1). */
    public static final GatewayOption ROUTE_VALIDATION = new GatewayOption("routeValidation",
            GatewayOption.Type.BOOLEAN, "true", "true: the route API refuses routes the data plane cannot carry or the "
            + "policy forbids, like ingress-nginx's admission webhook; false: every write is admitted and the "
            + "controller renders it (a bad route fails nginx's reload for everyone)");

    /** Whether a route may name another tenant's Service, defaulting as the gateway named in {@code modelledOn}. */
    public static GatewayOption crossTenantBackends(LabPolicy.CrossTenantBackends fallback, String modelledOn) {
        return GatewayOption.choice("crossTenantBackends", fallback.word(),
                Word.words(LabPolicy.CrossTenantBackends.class), "follow: a route may name another tenant's Service "
                        + "for its backend; refuse: it may not (default as " + modelledOn + ")");
    }

    /** The policy the options give, with {@code snippets} the driver's snippet option (null when it has none). */
    public static LabPolicy policy(InstallContext context, GatewayOption crossTenant, GatewayOption snippets) {
        return new LabPolicy(
                Word.parse(LabPolicy.ConflictPolicy.class, context.option(CONFLICT_POLICY)),
                Word.parse(LabPolicy.HostOwnership.class, context.option(HOST_OWNERSHIP)),
                Boolean.parseBoolean(context.option(ROUTE_VALIDATION)),
                snippets != null && Boolean.parseBoolean(context.option(snippets)),
                Word.parse(LabPolicy.CrossTenantBackends.class, context.option(crossTenant)));
    }

    private LabOptions() {
    }

    /** The option naming a lab driver's executable, {@code program} by default. */
    public static GatewayOption binary(String program) {
        return new GatewayOption("binary", GatewayOption.Type.STRING, program,
                "the " + program + " executable: a name looked up on PATH and in /usr/sbin, or a path");
    }

    /** The controller's pacing: applyDelay and applyDelayEach, with the driver's {@code syncRateLimit}. */
    public static LabController.Pacing pacing(InstallContext context, Duration syncRateLimit) {
        return new LabController.Pacing(duration(context, APPLY_DELAY),
                Boolean.parseBoolean(context.option(APPLY_DELAY_EACH).trim()), syncRateLimit);
    }

    /** The route names of {@link #NEVER_SERVE}. */
    public static Set<String> neverServe(InstallContext context) {
        return Arrays.stream(context.option(NEVER_SERVE).split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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

    /** The data plane's port from {@link #PORT}: any free one for 0, else exactly the one asked for if it is free. */
    public static int port(LocalLab lab, InstallContext context) {
        int asked = integer(context, PORT, 0);
        try {
            return asked == 0 ? lab.ports().allocate() : lab.ports().claim(asked);
        } catch (FixtureException e) {
            throw new GatewayException(e.getMessage(), e);
        }
    }
}
