package org.gatewaybench.gateways;

import java.net.InetSocketAddress;
import java.util.Map;
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

    @Override
    void close();
}
