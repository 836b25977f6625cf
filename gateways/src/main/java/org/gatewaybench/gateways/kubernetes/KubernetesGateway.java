package org.gatewaybench.gateways.kubernetes;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.fixtures.kubernetes.KubernetesRouteApi;
import org.gatewaybench.gateways.Component;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.MetricsEndpoint;

/** A gateway installed by a {@link HelmGatewayDriver}; closing it uninstalls the release. */
final class KubernetesGateway implements Gateway {

    private final String name;
    private final KubernetesRouteApi routes;
    private final InetSocketAddress dataPlane;
    private final Map<String, String> details;
    private final List<Component> components;
    private final List<MetricsEndpoint> metrics;
    private final FaultInjector faults;
    private final IsolationSurface isolation;
    private final Function<Path, List<Path>> diagnostics;
    private final Supplier<Map<String, String>> versions;
    private final Runnable uninstall;
    private boolean closed;

    KubernetesGateway(String name, KubernetesRouteApi routes, InetSocketAddress dataPlane, Map<String, String> details,
                      List<Component> components, List<MetricsEndpoint> metrics, FaultInjector faults,
                      IsolationSurface isolation, Function<Path, List<Path>> diagnostics,
                      Supplier<Map<String, String>> versions, Runnable uninstall) {
        this.isolation = isolation;
        this.name = name;
        this.routes = routes;
        this.dataPlane = dataPlane;
        this.details = Map.copyOf(details);
        this.components = List.copyOf(components);
        this.metrics = List.copyOf(metrics);
        this.faults = faults;
        this.diagnostics = diagnostics;
        this.versions = versions;
        this.uninstall = uninstall;
    }

    /** The controller and the data plane as pods of the release's namespace (the same pods for ingress-nginx). */
    @Override
    public List<Component> components() {
        return components;
    }

    @Override
    public List<MetricsEndpoint> metricsEndpoints() {
        return metrics;
    }

    @Override
    public IsolationSurface isolation() {
        return isolation;
    }

    @Override
    public FaultInjector faults() {
        return faults;
    }

    /** The chart and the images (with digests) its pods run. */
    @Override
    public Map<String, String> versions() {
        return versions.get();
    }

    /** The Helm release's status and the values it was installed with. */
    @Override
    public List<Path> collectDiagnostics(Path dir) {
        return diagnostics.apply(dir);
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
