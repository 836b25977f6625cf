package org.gatewaybench.gateways.lab.nginx;

import java.util.List;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.fixtures.LocalLab;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.lab.DataPlaneBinary;
import org.gatewaybench.gateways.lab.LabController;
import org.gatewaybench.gateways.lab.LabDataPlane;
import org.gatewaybench.gateways.lab.LabDriver;
import org.gatewaybench.gateways.lab.LabOptions;
import org.gatewaybench.gateways.lab.LabPolicy;

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
    /** Off, as ingress-nginx's allow-snippet-annotations (chart controller.allowSnippetAnnotations false, 4.15.1). */
    public static final GatewayOption SNIPPET_ANNOTATIONS = new GatewayOption("snippetAnnotations",
            GatewayOption.Type.BOOLEAN, "false", "render ingress-nginx's server-snippet and configuration-snippet "
            + "annotations into nginx.conf (false: refused by route validation, else dropped; ingress-nginx's "
            + "allow-snippet-annotations default)");

    public NginxReloadDriver() {
        super(NAME, "real nginx on 127.0.0.1; every sync renders the full nginx.conf and reloads it (SIGHUP), "
                + "like ingress-nginx", "nginx", "nginx (apt-get install nginx)",
                // ingress-nginx follows an ExternalName Service unless --disable-svc-external-name (false
                // by default at controller-v1.15.1).
                LabOptions.crossTenantBackends(LabPolicy.CrossTenantBackends.FOLLOW,
                        "ingress-nginx following an ExternalName Service"));
    }

    @Override
    protected List<GatewayOption> ownOptions() {
        return List.of(SYNC_RATE_LIMIT, WORKER_SHUTDOWN_TIMEOUT, WORKER_PROCESSES, SNIPPET_ANNOTATIONS);
    }

    @Override
    protected GatewayOption snippetsOption() {
        return SNIPPET_ANNOTATIONS;
    }

    @Override
    protected CheckSupport snippetSupport() {
        return CheckSupport.runs("annotation " + LabPolicy.SERVER_SNIPPET + " on B's routes, rendered into the "
                + "server block of their host when snippetAnnotations is true");
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
