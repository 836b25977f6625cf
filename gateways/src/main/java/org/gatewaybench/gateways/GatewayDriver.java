package org.gatewaybench.gateways;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.fixtures.FixtureKind;

/**
 * Installs one kind of gateway into a fixture and says how to reach it. Real drivers install a
 * Helm chart into a cluster; lab drivers run a real data plane (nginx, HAProxy) as a local process
 * with a small controller in the harness. Stateless: {@link #install} returns the running gateway.
 */
public interface GatewayDriver {

    /** The name used in scenarios and on the command line, e.g. lab-nginx-reload. */
    String name();

    /** One line for people: what this gateway is and how it applies route changes. */
    String description();

    /** The kinds of fixture this driver can be installed into. */
    Set<FixtureKind> fixtures();

    /** What the driver needs that may be missing (binaries, Docker, chart), for `gateway-bench gateways`. */
    List<String> requirements();

    /**
     * Checks of what this driver needs here, with the scenario's {@code options} (text, as in
     * {@link InstallContext#options()}): run by {@code doctor} and before a run starts. Quick and
     * bounded (short network timeouts); never installs anything. None by default.
     */
    default List<Check> preflight(Map<String, String> options) {
        return List.of();
    }

    /**
     * What this driver would run here with {@code options}, known before installing, under the keys
     * {@link Gateway#versions()} uses (the lab's binary and its version; a chart and its version):
     * a replay compares it with what a recorded run ran. Empty when nothing can be known beforehand
     * or the part is missing (the preflight says so).
     */
    default Map<String, String> versionsHere(Map<String, String> options) {
        return Map.of();
    }

    /** The options a scenario may set for this driver, with their defaults. */
    List<GatewayOption> options();

    /**
     * Installs the gateway and waits until its data plane answers. Fails with
     * {@link GatewayException} naming what is missing or broken; whatever was started is stopped.
     */
    Gateway install(InstallContext context);

    /**
     * Whether the data plane accepts HTTP/2 cleartext with prior knowledge (h2c) on the port it
     * serves routes on, so that the long-connection probe can hold h2c connections through it.
     * False by default: a scenario asks for h2c only where a driver says it is carried.
     */
    default boolean acceptsH2c() {
        return false;
    }

    /**
     * The fault actions this driver's gateways support against {@code target} on a fixture of
     * kind {@code fixture}, so that a scenario asking for another is refused before it runs.
     * None by default.
     */
    default Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        return Set.of();
    }

    /**
     * How each isolation check applies to this driver's gateways on a fixture of kind
     * {@code fixture}: runs (and how), not applicable (why), or cannot run (why: a scenario asking for
     * it is refused). By default nothing is declared and no check can run.
     */
    default IsolationProfile isolation(FixtureKind fixture) {
        return IsolationProfile.none();
    }
}
