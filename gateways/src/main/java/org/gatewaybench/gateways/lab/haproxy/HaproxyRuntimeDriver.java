package org.gatewaybench.gateways.lab.haproxy;

import java.time.Duration;
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
 * {@code lab-haproxy-runtime}: a real HAProxy whose routes change through its runtime API (map
 * entries on the admin socket) without any reload.
 */
public final class HaproxyRuntimeDriver extends LabDriver {

    public static final String NAME = "lab-haproxy-runtime";

    public HaproxyRuntimeDriver() {
        super(NAME, "real HAProxy on 127.0.0.1; routes are map entries changed through the runtime API, no reload",
                "haproxy", "haproxy 2.x (apt-get install haproxy)");
    }

    @Override
    protected List<GatewayOption> ownOptions() {
        return List.of();
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
        return HaproxyDataPlane.start(binary, lab.processes(),
                new HaproxyConfig(context.workDir().toAbsolutePath(), port, context.backends()));
    }
}
