package org.gatewaybench.core.journal;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.EndpointKind;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.resources.ProcessRole;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.PhaseKind;
import org.gatewaybench.core.route.Refusal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.route.StatusSignal;
import org.gatewaybench.core.time.Stamp;

/**
 * The journal's event records. Times inside events are monotonic nanoseconds of the same clock
 * as {@link Stamp#mono()}. "gateway" is the driver name the event belongs to. A new event is a
 * record here, named in the permits list of {@link Event} or {@link GatewayEvent}; its journal
 * type is its name in lower case with dashes ({@code OpInvoked} is {@code op-invoked}).
 */
public final class Events {

    private Events() {
    }

    /**
     * First line of every journal. {@code probe} is the activation rule the probe applied, which the
     * analyses apply again (schema 1 journals kept it in {@code settings}; the reader fills it in);
     * {@code settings} is the scenario as run, for reproduction.
     */
    public record RunStarted(Stamp at, int schema, String runId, String scenario, String scenarioFile,
                             String fixture, String host, int cores, List<String> gateways,
                             ProbeRule probe, Map<String, Object> settings) implements Event {
    }

    /** Last line of a journal that was closed: {@code outcome} is completed, interrupted or failed. */
    public record RunEnded(Stamp at, RunOutcome outcome, String reason) implements Event {
    }

    /** A gateway is installed and its data plane answers at {@code dataPlane} (host:port). */
    public record GatewayStarted(Stamp at, String gateway, String dataPlane, Map<String, String> details)
            implements GatewayEvent {
    }

    public record GatewayStopped(Stamp at, String gateway) implements GatewayEvent {
    }

    /** A churn phase begins; {@code kind} is ramp, steady or delete-all. */
    public record PhaseStarted(Stamp at, String gateway, int index, String phase, PhaseKind kind, long plannedOps)
            implements GatewayEvent {
    }

    public record PhaseEnded(Stamp at, String gateway, int index, String phase) implements GatewayEvent {
    }

    /**
     * The churn engine sends a route write. {@code kind} is create, update or delete;
     * {@code scheduledMono} is when the schedule wanted it sent, so lag = at.mono - scheduledMono.
     */
    public record OpInvoked(Stamp at, String gateway, long op, OpKind kind, RouteKey route, String host,
                            String path, String backend, long scheduledMono) implements GatewayEvent {
    }

    /**
     * The route API acknowledged (or refused) write {@code op}: for ok writes, the route's t0. A
     * refused write says why in {@code error} and classifies it in {@code refusal} (null when ok,
     * and in schema-1 journals).
     */
    public record OpCompleted(Stamp at, String gateway, long op, OpKind kind, RouteKey route, boolean ok,
                              String error, Refusal refusal) implements GatewayEvent {
    }

    /**
     * A data plane starts taking a new configuration: {@code mechanism} is reload, runtime-api
     * or another word of the driver's; {@code routes} is how many routes the new config holds.
     */
    public record ConfigApplyStarted(Stamp at, String gateway, long apply, String mechanism, int routes,
                                     int changes) implements GatewayEvent {
    }

    /** The configuration of {@code apply} is in force (or failed to apply). */
    public record ConfigApplyEnded(Stamp at, String gateway, long apply, String mechanism, boolean ok,
                                   String detail) implements GatewayEvent {
    }

    /**
     * One answer of the data plane to a probe request. {@code expect} is present (after a create or
     * update) or absent (after a delete); {@code outcome} is ok, not-yet or error;
     * {@code sentMono} is when the request left; {@code intervalNanos} is the time since the
     * previous poll of this route (0 for the first): the resolution of this sample. {@code op} is the
     * write whose effect the poll judges ({@link OpInvoked#op()}).
     */
    public record ProbePoll(Stamp at, String gateway, long op, RouteKey route, Expect expect, PollOutcome outcome,
                            int status, String detail, long sentMono, long intervalNanos) implements GatewayEvent {
    }

    /** The probe stopped waiting for {@code route} to reach {@code expect}: a finding, not a crash. */
    public record ProbeGaveUp(Stamp at, String gateway, long op, RouteKey route, Expect expect, long waitedNanos)
            implements GatewayEvent {
    }

    /**
     * The harness itself fell behind: {@code component} (churn, activation-probe, ...) is
     * {@code lagNanos} behind its schedule with {@code backlog} items waiting.
     */
    public record HarnessLag(Stamp at, String gateway, HarnessComponent component, long lagNanos, long backlog)
            implements GatewayEvent {
    }

    /** Something a person should read: a note of the run, with its gateway, or null for the whole run. */
    public record Note(Stamp at, NoteLevel level, String gateway, String message) implements GatewayEvent {
    }

    /**
     * What exactly ran, for reproduction: component to version (or image reference with its
     * digest). {@code gateway} null: the harness and the machine (harness, Java, OS, k3s); otherwise
     * that gateway's parts (its binary's version in the lab; chart and pod images in clusters).
     */
    public record VersionsRecorded(Stamp at, String gateway, Map<String, String> versions) implements GatewayEvent {
    }

    /**
     * An assertion of the scenario judged at the end of {@code gateway}'s run: {@code figure} (a name
     * of the figure registry, e.g. activation.p99) against {@code bound} as the scenario wrote it
     * ("<= 5s"). {@code measured} is in the figure's base {@code unit} (ns, bytes, %, count,
     * number), null when the run has no such figure (then {@code passed} is false and
     * {@code detail} says why); {@code detail} adds what the figure was taken over, or null.
     */
    public record AssertionEvaluated(Stamp at, String gateway, String figure, String bound, Double measured,
                                     String unit, boolean passed, String detail) implements GatewayEvent {
    }

    /**
     * A failure's evidence was collected into {@code folder} (relative to the run folder): what was
     * collected there ({@code files}) and why ({@code reason}).
     */
    public record DiagnosticsCollected(Stamp at, String gateway, String reason, String folder, List<String> files)
            implements GatewayEvent {
    }

    /**
     * The long-connection probe holds a new connection of {@code kind} (websocket, http1, sse, h2c)
     * to {@code route} through the gateway: it answered correctly once (handshake, first answer or
     * stream head). {@code slot} is the place in the population the connection fills; reconnects
     * fill the same slot with a new {@code connection} id. {@code setupNanos} is connect to first
     * answer; {@code attempt} counts tries for this slot since its last connection (1 = first try).
     */
    public record ConnectionOpened(Stamp at, String gateway, ConnectionKind kind, long connection, int slot, RouteKey route,
                                   long setupNanos, int attempt) implements GatewayEvent {
    }

    /**
     * A held connection ended or stalled without the probe asking. {@code cause} is closed (the
     * peer closed it), reset, stalled (no answer for 3 intervals), garbled (a wrong echo, a wrong
     * backend or an unreadable answer) or error-answer (an HTTP error status); {@code detail} says
     * more. {@code ageNanos} is since it opened, {@code sinceAnswerNanos} since its last correct answer.
     * Config applies of this gateway, as the probe saw them in the journal (-1 / null when none):
     * {@code lastApply} is the last one started before the drop; {@code retiringApply} the first one
     * started after the connection opened (on a reloading data plane, the one that moved it to an
     * old worker); {@code appliesDuringLife} how many started while it was open.
     */
    public record ConnectionDropped(Stamp at, String gateway, ConnectionKind kind, long connection, int slot,
                                    RouteKey route, DropCause cause, String detail, long ageNanos, long sinceAnswerNanos,
                                    long lastApply, String lastApplyMechanism, long sinceLastApplyNanos,
                                    long retiringApply, long sinceRetiringApplyNanos, int appliesDuringLife)
            implements GatewayEvent {
    }

    /**
     * A try to open a connection for {@code slot} failed; {@code reconnect} is true when the slot
     * lost a connection before (a failed reconnect), false for the first opening. The next try
     * follows after {@code backoffNanos}.
     */
    public record ConnectionOpenFailed(Stamp at, String gateway, ConnectionKind kind, int slot, RouteKey route,
                                       int attempt, boolean reconnect, DropCause cause, String detail, long backoffNanos)
            implements GatewayEvent {
    }

    /** Sampled every second: how many connections of {@code kind} the probe holds against its target. */
    public record ConnectionPopulation(Stamp at, String gateway, ConnectionKind kind, int target, int open)
            implements GatewayEvent {
    }

    /**
     * One second (or other window) of the traffic probe's steady requests to stable routes, by the
     * time answers completed in {@code [startMono, endMono)}. {@code byStatus} counts answers by HTTP
     * status, with "no-answer" for connection errors and timeouts; {@code wrongBackend} counts 200
     * answers from another backend than the route's. Latencies are Gatling's, in whole milliseconds
     * (-1 when the window has no answer).
     */
    public record TrafficWindow(Stamp at, String gateway, long startMono, long endMono, long requests, long ok,
                                long ko, Map<String, Long> byStatus, long wrongBackend, long p50Ms, long p99Ms,
                                long maxMs) implements GatewayEvent {
    }

    /**
     * The whole traffic run against one gateway, as Gatling measured it: an open-model
     * {@code ratePerSecond} from {@code startMono} for {@code durationNanos}. Percentiles are of all
     * requests (ok and ko), in milliseconds. {@code errors} counts Gatling's failure messages;
     * {@code report} is the folder of Gatling's HTML report.
     */
    public record TrafficSummary(Stamp at, String gateway, long startMono, long durationNanos, double ratePerSecond,
                                 long requests, long ok, long ko, long p50Ms, long p75Ms, long p95Ms, long p99Ms,
                                 long maxMs, double meanMs, Map<String, Long> byStatus, long wrongBackend,
                                 Map<String, Long> errors, String report) implements GatewayEvent {
    }

    /**
     * One process of a gateway component as sampled from /proc: {@code role} is master, worker,
     * draining-worker (an nginx worker shutting down after a reload), main or child;
     * {@code cpuPercent} is CPU time over wall time since the previous sample of this process (since
     * its start for the first), where 100 is one core.
     */
    public record ResourceSample(Stamp at, String gateway, String component, long pid, ProcessRole role,
                                 double cpuPercent, long rssBytes) implements GatewayEvent {
    }

    /** All processes of one component at one sampling: counts by role and totals. */
    public record ResourceSummary(Stamp at, String gateway, String component, int processes, int workers,
                                  int drainingWorkers, double cpuPercent, long rssBytes) implements GatewayEvent {
    }

    /** One sample of a gateway's own metrics endpoint (Prometheus text format), as scraped. */
    public record GatewayMetric(Stamp at, String gateway, String name, Map<String, String> labels, double value)
            implements GatewayEvent {
    }

    /**
     * A wrk run (closed model: {@code connections} connections each sending back to back) against
     * one route of the gateway, as a second opinion on the traffic probe's latencies. Latencies are
     * wrk's, in nanoseconds (wrk prints microseconds); {@code errors} counts non-2xx/3xx answers and
     * socket errors together.
     */
    public record WrkSummary(Stamp at, String gateway, String host, String path, int connections,
                             long durationNanos, long requests, double requestsPerSecond, long p50Nanos,
                             long p75Nanos, long p90Nanos, long p99Nanos, long maxNanos, long errors)
            implements GatewayEvent {
    }

    /**
     * A fault begins: {@code action} (kill, freeze, squeeze, partition, restart-node) on
     * {@code target} (controller, data-plane, node). {@code fault} numbers the faults of one gateway
     * from 1; {@code detail} says what exactly was done (signals, process ids, limits).
     */
    public record FaultStarted(Stamp at, String gateway, int fault, FaultAction action, FaultTarget target,
                               String detail)
            implements GatewayEvent {
    }

    /**
     * The fault {@code fault} is healed (the process restarted, resumed, the limit restored, the
     * partition lifted), or the heal failed ({@code ok} false, with {@code detail} saying why).
     */
    public record FaultHealed(Stamp at, String gateway, int fault, boolean ok, String detail) implements GatewayEvent {
    }

    /**
     * A secondary signal of a route object seen in a cluster, recorded beside the data-plane probe
     * and never instead of it: {@code signal} is ingress-address (Ingress status.loadBalancer, the
     * addresses joined by commas, empty when none), accepted or resolved-refs (an HTTPRoute parent
     * condition: True, False or Unknown, with its reason after a colon). {@code revision} is the
     * route revision the object carried when the signal was seen. Written when a value changes.
     */
    public record RouteStatusObserved(Stamp at, String gateway, RouteKey route, long revision, StatusSignal signal,
                                      String value) implements GatewayEvent {
    }

    /**
     * The route API throttled or refused a write for a reason worth retrying ({@code status}: 429
     * too many requests, 409 conflict); the adapter waits {@code waitNanos} and tries again.
     * {@code verb} names the API call: create, update or delete of the route, or create-namespace,
     * create-service, create-endpointslice for what it needs; {@code attempt} counts from 1.
     */
    public record RouteApiRetried(Stamp at, String gateway, RouteKey route, String verb, int status, int attempt,
                                  long waitNanos) implements GatewayEvent {
    }

    /**
     * The gateway's version and its isolation-relevant settings, recorded once before its isolation
     * checks (for ingress-nginx allow-snippet-annotations and annotations-risk-level; in the lab the
     * conflict policy, route validation, snippet policy and the runtime API's address).
     */
    public record IsolationSettingsRecorded(Stamp at, String gateway, Map<String, String> settings)
            implements GatewayEvent {
    }

    /**
     * An isolation check begins on one gateway. {@code victim} is tenant A, {@code attacker} tenant B,
     * {@code bystanders} the quiet tenants; {@code settings} holds the check's bounds and facts
     * (settle time, latency ratio, stall bound, storm size, the canary marker, how the driver says
     * the check is written). Every isolation event of this gateway until its
     * {@link IsolationVerdict} belongs to this check.
     */
    public record IsolationCheckStarted(Stamp at, String gateway, IsolationCheck check, String victim,
                                        String attacker, List<String> bystanders, Map<String, String> settings)
            implements GatewayEvent {
    }

    /**
     * A route write of an isolation check, once the route API answered: {@code at} of an ok write is
     * its t0. {@code write} numbers the probe's writes on this gateway from 1; {@code actor} says whose
     * it is, {@code stage} where in the check. {@code annotations} and {@code backendTenant} are the
     * route's (snippets, a Service of another tenant); {@code invokedMono} is when it was sent. A
     * refused write says why in {@code error} and classifies it in {@code refusal}.
     */
    public record IsolationWrite(Stamp at, String gateway, IsolationCheck check, long write, Actor actor, Stage stage,
                                 OpKind kind, RouteKey route, String host, String path, String backend,
                                 Map<String, String> annotations, String backendTenant, long invokedMono,
                                 boolean ok, String error, Refusal refusal) implements GatewayEvent {
    }

    /**
     * One request of an isolation check through the data plane: the answer to GET {@code path} with
     * Host {@code host}, sent at {@code sentMono}. {@code write} is the write whose effect it watches
     * (0 for none); {@code status} is 0 when no answer came ({@code failure} then says reset, timeout or
     * connect-failed); {@code backend} is the id of the backend that answered (null for none);
     * {@code canary} names the canary marks the answer carried (header, file), null for none.
     */
    public record IsolationRequest(Stamp at, String gateway, IsolationCheck check, Stage stage, long write,
                                   String host, String path, long sentMono, int status, String backend,
                                   String canary, String failure) implements GatewayEvent {
    }

    /**
     * One control endpoint tried from tenant {@code fromTenant}'s position (control-plane-exposure):
     * what it is, where, what was asked ({@code read}: connect, GET path, a command line), whether it
     * was reached and the first line of its answer or why it was not.
     */
    public record ControlEndpointTried(Stamp at, String gateway, String endpoint, EndpointKind kind, String address,
                                       String read, String fromTenant, boolean reached, String answer)
            implements GatewayEvent {
    }

    /**
     * An isolation check ended: its {@code verdict} (held, refused, violated, degraded,
     * not-applicable, inconclusive), why in words, and the evidence figures it was judged on (counts,
     * milliseconds, ratios; names documented in docs/journal.md). The probe judged it with the same
     * code the analyses apply to the check's events.
     */
    public record IsolationVerdict(Stamp at, String gateway, IsolationCheck check, Verdict verdict, String reason,
                                   Map<String, Double> figures) implements GatewayEvent {
    }
}
