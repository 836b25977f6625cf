package org.gatewaybench.gateways;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.route.RouteApi;

/** One installed gateway. Closing it uninstalls it and stops everything it started. */
public interface Gateway extends AutoCloseable {

    /** The driver name. */
    String name();

    /** Where the churn writes this gateway's routes. */
    RouteApi routes();

    /** The data plane's HTTP address as the harness reaches it. */
    InetSocketAddress dataPlane();

    /** Facts for the report: versions, process ids, chart values. Never credentials. */
    Map<String, String> details();

    /**
     * The parts of the gateway that resource probes sample and chaos targets, as they are now (a
     * restart changes process ids: ask again). Empty when the driver does not say.
     */
    default List<Component> components() {
        return List.of();
    }

    /**
     * The gateway's own metrics endpoints whose selected metrics are journaled beside the resource
     * samples. Empty in the lab (its controller lives in the harness) and by default.
     */
    default List<MetricsEndpoint> metricsEndpoints() {
        return List.of();
    }

    /** What the gateway offers the isolation probe beyond routes; nothing by default. */
    default IsolationSurface isolation() {
        return IsolationSurface.NONE;
    }

    /** How faults are injected into this gateway; by default none is supported. */
    default FaultInjector faults() {
        return FaultInjector.NONE;
    }

    /**
     * What exactly this gateway runs, for reproduction (component to version, or image reference
     * with its digest), asked once it is installed. Nothing by default.
     */
    default Map<String, String> versions() {
        return Map.of();
    }

    /**
     * Writes what this gateway can tell about a failure into {@code dir} (a Helm release's status
     * and the values it was installed with) and returns the files written; never fails. Nothing by
     * default: the lab's configs and logs are in its work folder already.
     */
    default List<Path> collectDiagnostics(Path dir) {
        return List.of();
    }

    @Override
    void close();
}
