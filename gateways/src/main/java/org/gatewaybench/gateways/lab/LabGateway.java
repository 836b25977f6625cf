package org.gatewaybench.gateways.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;
import org.gatewaybench.fixtures.embedded.PortAllocator;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.LocalLab;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.Component;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Gateway;

/** A running lab gateway: its route store, its controller and its data-plane process. */
public final class LabGateway implements Gateway {

    /** Makes a controller that has made {@code appliesBefore} applies before (0 for the first). */
    @FunctionalInterface
    interface ControllerFactory {
        LabController create(long appliesBefore);
    }

    private final String name;
    private final EmbeddedRouteStore routes;
    private final LabDataPlane dataPlane;
    private final ControllerFactory controllers;
    private final PortAllocator ports;
    private final LabIsolation isolation;
    private LabController controller;
    private boolean controllerRunning;
    private boolean closed;

    private LabGateway(String name, EmbeddedRouteStore routes, LabDataPlane dataPlane, ControllerFactory controllers,
                       PortAllocator ports, LabIsolation isolation) {
        this.name = name;
        this.isolation = isolation;
        this.routes = routes;
        this.dataPlane = dataPlane;
        this.controllers = controllers;
        this.ports = ports;
        this.controller = controllers.create(0);
        this.controller.start();
        this.controllerRunning = true;
    }

    /**
     * Starts the data plane on {@code port} (from {@code startDataPlane}) and wires a fresh route
     * store and the controller to it. Whatever was started is stopped and the port released if a
     * step fails.
     */
    public static LabGateway start(String driver, InstallContext context, LocalLab lab, int port,
                                   IntFunction<LabDataPlane> startDataPlane, LabController.Pacing pacing,
                                   LabPolicy policy) {
        LabDataPlane dataPlane;
        try {
            dataPlane = startDataPlane.apply(port);
        } catch (RuntimeException e) {
            lab.ports().release(port);
            throw e instanceof GatewayException ? e : new GatewayException(driver + " did not start: " + e.getMessage(), e);
        }
        EmbeddedRouteStore routes = lab.newRouteStore(LabAdmission.of(policy));
        RouteTable table = new RouteTable(context.backends().stream().map(Backend::id).collect(Collectors.toSet()),
                policy, LabOptions.neverServe(context));
        return new LabGateway(driver, routes, dataPlane,
                appliesBefore -> new LabController(driver, routes, dataPlane, table, context.journal(),
                        context.clock(), pacing, appliesBefore),
                lab.ports(), new LabIsolation(driver, policy, dataPlane, context.workDir()));
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
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), dataPlane.process().port());
    }

    @Override
    public Map<String, String> details() {
        return dataPlane.details();
    }

    /** The data plane's binary and the version it prints (the controller is the harness's own code). */
    @Override
    public Map<String, String> versions() {
        return Map.of(dataPlane.process().program(), dataPlane.details().get("version"));
    }

    /** The data plane as a process tree; the controller lives in the harness's JVM. */
    @Override
    public List<Component> components() {
        return List.of(Component.inHarness("controller", FaultTarget.CONTROLLER),
                Component.process(dataPlane.process().program(), FaultTarget.DATA_PLANE, dataPlane.process().pid()));
    }

    @Override
    public IsolationSurface isolation() {
        return isolation;
    }

    @Override
    public FaultInjector faults() {
        return LabDriver.FAULTS.injectorFor(this, name, FixtureKind.EMBEDDED);
    }

    /** Stops the data-plane process and starts it again from its configuration on disk (chaos: crash and recover). */
    public void restartDataPlane() {
        dataPlane.restart();
    }

    LabDataPlane labDataPlane() {
        return dataPlane;
    }

    EmbeddedRouteStore routeStore() {
        return routes;
    }

    synchronized LabController controller() {
        return controller;
    }

    /** Stops the controller as a crash would: it stops watching and applying, its memory is gone. */
    synchronized void stopController() {
        if (controllerRunning) {
            controller.close();
            controllerRunning = false;
        }
    }

    /**
     * Starts a fresh controller that resyncs from the route store, as a restarted controller
     * lists its API. The data plane keeps what it had; the new controller sees it through the
     * route table it shared with its predecessor, which mirrors the data plane's configuration.
     */
    synchronized void startFreshController() {
        if (controllerRunning || closed) {
            return;
        }
        controller = controllers.create(controller.applies());
        controller.startResynced();
        controllerRunning = true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        routes.releaseWatches();
        controller.resume();
        controller.close();
        isolation.removeCanary();
        dataPlane.close();
        ports.release(dataPlane.process().port());
        routes.close();
    }
}
