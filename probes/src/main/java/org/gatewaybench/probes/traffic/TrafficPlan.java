package org.gatewaybench.probes.traffic;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.gatewaybench.core.route.Route;

/**
 * What the traffic probe sends: an open-model constant {@code ratePerSecond} of requests for
 * {@code duration}, spread round-robin over stable {@code routes}, to the gateway's data plane.
 * Each request carries its route's host as the Host header and its path prefix as the path, and
 * must be answered 200 by the route's backend. Request count and duration are always bounded.
 *
 * @param gateway        the driver name the traffic belongs to
 * @param dataPlane      the data plane's HTTP address
 * @param routes         routes that stay in place while the probe runs
 * @param ratePerSecond  new requests per second, whatever the answers take (open model)
 * @param duration       how long requests are started
 * @param requestTimeout how long one request may take before it counts as an error
 * @param resultsDir     where Gatling writes its simulation log and HTML report
 */
public record TrafficPlan(String gateway, InetSocketAddress dataPlane, List<Route> routes, double ratePerSecond,
                          Duration duration, Duration requestTimeout, Path resultsDir) {

    /** The most requests per second one probe starts: far above what the lab needs, far below a runaway. */
    public static final double MAX_RATE_PER_SECOND = 20_000;
    /** The longest traffic run. */
    public static final Duration MAX_DURATION = Duration.ofHours(2);
    /** The most requests of one run. */
    public static final long MAX_REQUESTS = 10_000_000;

    public TrafficPlan {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(dataPlane, "dataPlane");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(resultsDir, "resultsDir");
        routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("traffic needs at least one stable route, found none");
        }
        if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("traffic rate must be in (0, " + MAX_RATE_PER_SECOND
                    + "] requests/s, found " + ratePerSecond);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("traffic duration must be between 1s and " + MAX_DURATION.toMinutes()
                    + "m, found " + duration);
        }
        if (requestTimeout.compareTo(Duration.ofMillis(100)) < 0 || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("traffic request timeout must be between 100ms and 5m, found "
                    + requestTimeout);
        }
        long planned = requestsOf(ratePerSecond, duration);
        if (planned > MAX_REQUESTS) {
            throw new IllegalArgumentException("traffic of " + ratePerSecond + "/s for " + duration.toSeconds()
                    + "s is " + planned + " requests, more than the limit of " + MAX_REQUESTS);
        }
    }

    /** How many requests the plan starts. */
    public long plannedRequests() {
        return requestsOf(ratePerSecond, duration);
    }

    private static long requestsOf(double ratePerSecond, Duration duration) {
        return (long) Math.ceil(ratePerSecond * duration.toMillis() / 1000.0);
    }

    /** The base URL of the data plane. */
    public String baseUrl() {
        return "http://" + dataPlane.getHostString() + ":" + dataPlane.getPort();
    }

    /** The longest the run can take: all requests started, plus the last one's timeout, plus slack. */
    public Duration maxRunTime() {
        return duration.plus(requestTimeout).plusSeconds(5);
    }
}
