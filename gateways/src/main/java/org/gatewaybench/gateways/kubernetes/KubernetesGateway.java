package org.gatewaybench.gateways.kubernetes;

import java.net.InetSocketAddress;
import java.util.Map;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.fixtures.kubernetes.KubernetesRouteApi;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayException;

/** A gateway installed by a {@link HelmGatewayDriver}; closing it uninstalls the release. */
final class KubernetesGateway implements Gateway {

    private final String name;
    private final KubernetesRouteApi routes;
    private final InetSocketAddress dataPlane;
    private final Map<String, String> details;
    private final Runnable uninstall;
    private boolean closed;

    KubernetesGateway(String name, KubernetesRouteApi routes, InetSocketAddress dataPlane, Map<String, String> details,
                      Runnable uninstall) {
        this.name = name;
        this.routes = routes;
        this.dataPlane = dataPlane;
        this.details = Map.copyOf(details);
        this.uninstall = uninstall;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RouteApi routes() {
        return routes;
    }

    @Override
    public InetSocketAddress dataPlane() {
        return dataPlane;
    }

    @Override
    public Map<String, String> details() {
        return details;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        routes.close();
        try {
            uninstall.run();
        } catch (RuntimeException e) {
            throw new GatewayException("uninstalling " + name + " failed: " + e.getMessage(), e);
        }
    }
}
