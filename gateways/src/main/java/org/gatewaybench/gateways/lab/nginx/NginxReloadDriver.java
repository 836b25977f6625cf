package org.gatewaybench.gateways.lab.nginx;

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
 * {@code lab-nginx-reload}: a real nginx that applies route changes the way ingress-nginx does,
 * by rendering the full config and reloading (SIGHUP), at most once per sync rate limit.
 */
public final class NginxReloadDriver implements GatewayDriver {

    public static final String NAME = "lab-nginx-reload";

    public static final GatewayOption BINARY = LabInstall.binaryOption("nginx");
    public static final GatewayOption SYNC_RATE_LIMIT = new GatewayOption("syncRateLimit", GatewayOption.Type.DURATION,
            "0s", "minimum time between two reloads; changes arriving meanwhile go into the next one");
    public static final GatewayOption WORKER_SHUTDOWN_TIMEOUT = new GatewayOption("workerShutdownTimeout",
            GatewayOption.Type.DURATION, "10s", "nginx worker_shutdown_timeout: how long old workers keep connections after a reload");
    public static final GatewayOption WORKER_PROCESSES = GatewayOption.integer("workerProcesses", 1, 1, 64,
            "nginx worker_processes");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "real nginx on 127.0.0.1; every sync renders the full nginx.conf and reloads it (SIGHUP), like ingress-nginx";
    }

    @Override
    public Set<FixtureKind> fixtures() {
        return Set.of(FixtureKind.EMBEDDED);
    }

    @Override
    public List<String> requirements() {
        return List.of("nginx (apt-get install nginx)");
    }

    @Override
    public List<GatewayOption> options() {
        return List.of(BINARY, SYNC_RATE_LIMIT, WORKER_SHUTDOWN_TIMEOUT, WORKER_PROCESSES, LabInstall.APPLY_DELAY,
                LabInstall.PORT);
    }

    /**
     * No: nginx's {@code listen ... http2} without TLS makes a port h2c-only, and the lab serves
     * HTTP/1.1 (and WebSocket upgrades) on its one port, like ingress-nginx's HTTP listener.
     */
    @Override
    public boolean acceptsH2c() {
        return false;
    }

    @Override
    public Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        return LabInstall.faults(fixture, target);
    }

    @Override
    public Gateway install(InstallContext context) {
        EmbeddedFixture fixture = LabInstall.embeddedFixture(context, NAME);
        Duration syncRateLimit = LabInstall.duration(context, SYNC_RATE_LIMIT);
        Duration workerShutdownTimeout = LabInstall.duration(context, WORKER_SHUTDOWN_TIMEOUT);
        Duration applyDelay = LabInstall.duration(context, LabInstall.APPLY_DELAY);
        int workerProcesses = LabInstall.integer(context, WORKER_PROCESSES, 1);
        Path binary = LabInstall.binary(context, BINARY, "apt-get install nginx");
        int port = LabInstall.port(fixture, context, LabInstall.PORT);
        return LabInstall.run(NAME, context, fixture, port,
                p -> NginxDataPlane.start(binary, fixture.processes(), new NginxConfig(context.workDir().toAbsolutePath(), p,
                        workerProcesses, workerShutdownTimeout, context.backends())),
                new LabController.Pacing(applyDelay, syncRateLimit));
    }
}
