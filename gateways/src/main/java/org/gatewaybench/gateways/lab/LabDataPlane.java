package org.gatewaybench.gateways.lab;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.ControlEndpoint;

/**
 * A real data-plane process of the lab (nginx, HAProxy) and the way it takes route changes.
 * Implementations are thread-safe: the controller applies while a chaos action may restart.
 */
public interface LabDataPlane extends AutoCloseable {

    /** How changes reach the data plane, as journaled: reload, runtime-api. */
    String mechanism();

    /** The data plane's master process: its program name, PID (it changes with every restart) and port. */
    LabProcess process();

    /** Facts for the report: version, process ids, config path. */
    Map<String, String> details();

    /**
     * Brings the data plane to {@code table}, of which {@code changes} are what is new. Calls
     * {@code started} at the moment the data plane is told (the reload signal, the first runtime
     * command) and returns when the new configuration is in force or has failed.
     */
    ApplyOutcome apply(RouteTable table, List<RouteTable.EntryChange> changes, Runnable started)
            throws InterruptedException;

    /** The endpoints through which the data plane can be told things besides serving routes; none by default. */
    default List<ControlEndpoint> controlEndpoints() {
        return List.of();
    }

    /** Stops the process and starts it again from the configuration on disk. */
    void restart();

    /** Stops the process by its PID. */
    @Override
    void close();
}
