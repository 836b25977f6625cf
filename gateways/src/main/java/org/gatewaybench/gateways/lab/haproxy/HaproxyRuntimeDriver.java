package org.gatewaybench.gateways.lab.haproxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.lab.LabController;
import org.gatewaybench.gateways.lab.LabInstall;

/**
 * {@code lab-haproxy-runtime}: a real HAProxy whose routes change through its runtime API (map
 * entries on the admin socket) without any reload.
 */
public final class HaproxyRuntimeDriver implements GatewayDriver {

    public static final String NAME = "lab-haproxy-runtime";

    public static final GatewayOption BINARY = LabInstall.binaryOption("haproxy");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "real HAProxy on 127.0.0.1; routes are map entries changed through the runtime API, no reload";
    }

    @Override
    public Set<FixtureKind> fixtures() {
        return Set.of(FixtureKind.EMBEDDED);
    }

    @Override
    public List<String> requirements() {
        return List.of("haproxy 2.x (apt-get install haproxy)");
    }

    @Override
    public List<GatewayOption> options() {
        return List.of(BINARY, LabInstall.APPLY_DELAY, LabInstall.PORT);
    }

    /** HAProxy HTTP frontends recognise the HTTP/2 preface and serve h2c beside HTTP/1.1. */
    @Override
    public boolean acceptsH2c() {
        return true;
    }

    @Override
    public Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        return LabInstall.faults(fixture, target);
    }

    @Override
    public Gateway install(InstallContext context) {
        EmbeddedFixture fixture = LabInstall.embeddedFixture(context, NAME);
        Duration applyDelay = LabInstall.duration(context, LabInstall.APPLY_DELAY);
        Path binary = LabInstall.binary(context, BINARY, "apt-get install haproxy");
        int port = LabInstall.port(fixture, context, LabInstall.PORT);
        return LabInstall.run(NAME, context, fixture, port,
                p -> HaproxyDataPlane.start(binary, fixture.processes(),
                        new HaproxyConfig(context.workDir().toAbsolutePath(), p, context.backends())),
                new LabController.Pacing(applyDelay, Duration.ZERO));
    }
}
