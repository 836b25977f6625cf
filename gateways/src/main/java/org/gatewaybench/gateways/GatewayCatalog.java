package org.gatewaybench.gateways;

import java.util.List;
import java.util.Optional;
import org.gatewaybench.gateways.lab.haproxy.HaproxyRuntimeDriver;
import org.gatewaybench.gateways.lab.nginx.NginxReloadDriver;
import org.gatewaybench.gateways.kubernetes.apisix.ApisixDriver;
import org.gatewaybench.gateways.kubernetes.cilium.CiliumDriver;
import org.gatewaybench.gateways.kubernetes.envoygateway.EnvoyGatewayDriver;
import org.gatewaybench.gateways.kubernetes.higress.HigressDriver;
import org.gatewaybench.gateways.kubernetes.ingressnginx.IngressNginxDriver;

/** Every gateway driver the harness knows, by name. */
public final class GatewayCatalog {

    private static final List<GatewayDriver> DRIVERS = List.of(
            new NginxReloadDriver(),
            new HaproxyRuntimeDriver(),
            new IngressNginxDriver(),
            new ApisixDriver(),
            new EnvoyGatewayDriver(),
            new CiliumDriver(),
            new HigressDriver()
    );

    private GatewayCatalog() {
    }

    public static List<GatewayDriver> all() {
        return DRIVERS;
    }

    public static Optional<GatewayDriver> find(String name) {
        return DRIVERS.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
