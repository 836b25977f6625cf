package org.gatewaybench.gateways.lab.nginx;

import java.util.List;
import org.gatewaybench.fixtures.LocalLab;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.lab.DataPlaneBinary;
import org.gatewaybench.gateways.lab.LabController;
import org.gatewaybench.gateways.lab.LabDataPlane;
import org.gatewaybench.gateways.lab.LabDriver;
import org.gatewaybench.gateways.lab.LabOptions;

/**
 * {@code lab-nginx-reload}: a real nginx that applies route changes the way ingress-nginx does,
 * by rendering the full config and reloading (SIGHUP), at most once per sync rate limit.
 */
public final class NginxReloadDriver extends LabDriver {

    public static final String NAME = "lab-nginx-reload";

    public static final GatewayOption SYNC_RATE_LIMIT = new GatewayOption("syncRateLimit", GatewayOption.Type.DURATION,
            "0s", "minimum time between two reloads; changes arriving meanwhile go into the next one");
    public static final GatewayOption WORKER_SHUTDOWN_TIMEOUT = new GatewayOption("workerShutdownTimeout",
            GatewayOption.Type.DURATION, "10s",
            "nginx worker_shutdown_timeout: how long old workers keep connections after a reload");
    public static final GatewayOption WORKER_PROCESSES = GatewayOption.integer("workerProcesses", 1, 1, 64,
            "nginx worker_processes");

    public NginxReloadDriver() {
        super(NAME, "real nginx on 127.0.0.1; every sync renders the full nginx.conf and reloads it (SIGHUP), "
                + "like ingress-nginx", "nginx", "nginx (apt-get install nginx)");
    }

    @Override
    protected List<GatewayOption> ownOptions() {
        return List.of(SYNC_RATE_LIMIT, WORKER_SHUTDOWN_TIMEOUT, WORKER_PROCESSES);
    }

    /*
     * No h2c (the default of acceptsH2c): nginx's listen ... http2 without TLS makes a port h2c-only,
     * and the lab serves HTTP/1.1 (and WebSocket upgrades) on its one port, like ingress-nginx's
     * HTTP listener.
     */

    @Override
    protected LabController.Pacing pacing(InstallContext context) {
        return LabOptions.pacing(context, LabOptions.duration(context, SYNC_RATE_LIMIT));
    }

    @Override
    protected LabDataPlane startDataPlane(InstallContext context, LocalLab lab, DataPlaneBinary binary, int port) {
        return NginxDataPlane.start(binary, lab.processes(), new NginxConfig(context.workDir().toAbsolutePath(), port,
                LabOptions.integer(context, WORKER_PROCESSES, 1), LabOptions.duration(context, WORKER_SHUTDOWN_TIMEOUT),
                context.backends()));
    }
}
