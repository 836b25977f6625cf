package org.gatewaybench.gateways.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.fixtures.embedded.PortAllocator;
import org.gatewaybench.gateways.Gateway;

/** A running lab gateway: its route store, its controller and its data-plane process. */
public final class LabGateway implements Gateway {

    private final String name;
    private final EmbeddedRouteStore routes;
    private final LabDataPlane dataPlane;
    private final LabController controller;
    private final PortAllocator ports;
    private boolean closed;

    LabGateway(String name, EmbeddedRouteStore routes, LabDataPlane dataPlane, LabController controller,
               PortAllocator ports) {
        this.name = name;
        this.routes = routes;
        this.dataPlane = dataPlane;
        this.controller = controller;
        this.ports = ports;
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
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), dataPlane.port());
    }

    @Override
    public Map<String, String> details() {
        return dataPlane.details();
    }

    /** Stops the data-plane process and starts it again from its configuration on disk (chaos: crash and recover). */
    public void restartDataPlane() {
        dataPlane.restart();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        controller.close();
        dataPlane.close();
        ports.release(dataPlane.port());
        routes.close();
    }
}
