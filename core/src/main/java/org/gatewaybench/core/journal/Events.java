package org.gatewaybench.core.journal;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;

/**
 * The journal's event records. Times inside events are monotonic nanoseconds of the same clock
 * as {@link Stamp#mono()}. "gateway" is the driver name the event belongs to.
 */
public final class Events {

    private Events() {
    }

    /** First line of every journal. {@code settings} is the scenario as run, for reproduction. */
    public record RunStarted(Stamp at, int schema, String runId, String scenario, String scenarioFile,
                             String fixture, String host, int cores, List<String> gateways,
                             Map<String, Object> settings) implements Event {
    }

    /** Last line of a journal that was closed: {@code outcome} is completed, interrupted or failed. */
    public record RunEnded(Stamp at, String outcome, String reason) implements Event {
    }

    /** A gateway is installed and its data plane answers at {@code dataPlane} (host:port). */
    public record GatewayStarted(Stamp at, String gateway, String dataPlane, Map<String, String> details)
            implements Event {
    }

    public record GatewayStopped(Stamp at, String gateway) implements Event {
    }

    /** A churn phase begins; {@code kind} is ramp, steady or delete-all. */
    public record PhaseStarted(Stamp at, String gateway, int index, String phase, String kind, long plannedOps)
            implements Event {
    }

    public record PhaseEnded(Stamp at, String gateway, int index, String phase) implements Event {
    }

    /**
     * The churn engine sends a route write. {@code kind} is create, update or delete;
     * {@code scheduledMono} is when the schedule wanted it sent, so lag = at.mono - scheduledMono.
     */
    public record OpInvoked(Stamp at, String gateway, long op, String kind, RouteKey route, String host,
                            String path, String backend, long scheduledMono) implements Event {
    }

    /** The route API acknowledged (or refused) write {@code op}: for ok writes, the route's t0. */
    public record OpCompleted(Stamp at, String gateway, long op, String kind, RouteKey route, boolean ok,
                              String error) implements Event {
    }

    /**
     * A data plane starts taking a new configuration: {@code mechanism} is reload, runtime-api
     * or another word of the driver's; {@code routes} is how many routes the new config holds.
     */
    public record ConfigApplyStarted(Stamp at, String gateway, long apply, String mechanism, int routes,
                                     int changes) implements Event {
    }

    /** The configuration of {@code apply} is in force (or failed to apply). */
    public record ConfigApplyEnded(Stamp at, String gateway, long apply, String mechanism, boolean ok,
                                   String detail) implements Event {
    }

    /**
     * One answer of the data plane to a probe request. {@code expect} is present (after a create or
     * update) or absent (after a delete); {@code outcome} is ok, not-yet or error;
     * {@code sentMono} is when the request left; {@code intervalNanos} is the time since the
     * previous poll of this route (0 for the first): the resolution of this sample. {@code op} is the
     * write whose effect the poll judges ({@link OpInvoked#op()}).
     */
    public record ProbePoll(Stamp at, String gateway, long op, RouteKey route, String expect, String outcome,
                            int status, String detail, long sentMono, long intervalNanos) implements Event {
    }

    /** The probe stopped waiting for {@code route} to reach {@code expect}: a finding, not a crash. */
    public record ProbeGaveUp(Stamp at, String gateway, long op, RouteKey route, String expect, long waitedNanos)
            implements Event {
    }

    /**
     * The harness itself fell behind: {@code component} (churn, activation-probe, ...) is
     * {@code lagNanos} behind its schedule with {@code backlog} items waiting.
     */
    public record HarnessLag(Stamp at, String gateway, String component, long lagNanos, long backlog)
            implements Event {
    }

    /** Something a person should read: a warning or error of the run, with its gateway if any. */
    public record Note(Stamp at, String level, String gateway, String message) implements Event {
    }

    /**
     * A secondary signal of a route object seen in a cluster, recorded beside the data-plane probe
     * and never instead of it: {@code signal} is ingress-address (Ingress status.loadBalancer, the
     * addresses joined by commas, empty when none), accepted or resolved-refs (an HTTPRoute parent
     * condition: True, False or Unknown, with its reason after a colon). {@code revision} is the
     * route revision the object carried when the signal was seen. Written when a value changes.
     */
    public record RouteStatusObserved(Stamp at, String gateway, RouteKey route, long revision, String signal,
                                      String value) implements Event {
    }

    /**
     * The route API throttled or refused a write for a reason worth retrying ({@code status}: 429
     * too many requests, 409 conflict); the adapter waits {@code waitNanos} and tries again.
     * {@code verb} is create, update or delete; {@code attempt} counts from 1.
     */
    public record RouteApiRetried(Stamp at, String gateway, RouteKey route, String verb, int status, int attempt,
                                  long waitNanos) implements Event {
    }
}
