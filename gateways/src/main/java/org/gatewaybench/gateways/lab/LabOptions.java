package org.gatewaybench.gateways.lab;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
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
