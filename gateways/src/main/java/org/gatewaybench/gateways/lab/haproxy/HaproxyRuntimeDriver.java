package org.gatewaybench.gateways.lab.haproxy;

import java.time.Duration;
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
 * {@code lab-haproxy-runtime}: a real HAProxy whose routes change through its runtime API (map
 * entries on the admin socket) without any reload.
 */
public final class HaproxyRuntimeDriver extends LabDriver {

    public static final String NAME = "lab-haproxy-runtime";

    /** Where the runtime API listens. Unix: HAProxy's own examples put the stats socket in the file system. */
    public static final GatewayOption RUNTIME_API = GatewayOption.choice("runtimeApi", "unix", List.of("unix", "tcp"),
            "where HAProxy's runtime API (level admin) listens: unix, a socket in the work folder, or tcp, a "
                    + "loopback port a tenant's workload on this machine can reach");

    public HaproxyRuntimeDriver() {
        super(NAME, "real HAProxy on 127.0.0.1; routes are map entries changed through the runtime API, no reload",
                "haproxy", "haproxy 2.x (apt-get install haproxy)",
                // Modelled on Envoy Gateway v1.9.0, the runtime-updated gateway of the Gateway API: a
                // backendRef into another namespace without a ReferenceGrant is RefNotPermitted.
                LabOptions.crossTenantBackends(LabPolicy.CrossTenantBackends.REFUSE,
                        "Envoy Gateway: a backendRef into another namespace needs a ReferenceGrant"));
    }

    @Override
    protected List<GatewayOption> ownOptions() {
        return List.of(RUNTIME_API);
    }

    @Override
    protected CheckSupport snippetSupport() {
        return CheckSupport.notApplicable("lab-haproxy-runtime's routes are map entries: no annotation carries "
                + "configuration into HAProxy");
    }

    /** HAProxy HTTP frontends recognise the HTTP/2 preface and serve h2c beside HTTP/1.1. */
    @Override
    public boolean acceptsH2c() {
        return true;
    }

    @Override
    protected LabController.Pacing pacing(InstallContext context) {
        return LabOptions.pacing(context, Duration.ZERO);
    }

    @Override
    protected LabDataPlane startDataPlane(InstallContext context, LocalLab lab, DataPlaneBinary binary, int port) {
        int apiPort = "tcp".equals(context.option(RUNTIME_API)) ? lab.ports().allocate() : 0;
        Runnable releaseApiPort = () -> {
            if (apiPort != 0) {
                lab.ports().release(apiPort);
            }
        };
        try {
            return HaproxyDataPlane.start(binary, lab.processes(),
                    new HaproxyConfig(context.workDir().toAbsolutePath(), port, context.backends(), apiPort),
                    releaseApiPort);
        } catch (RuntimeException e) {
            releaseApiPort.run();
            throw e;
        }
    }
}
