package org.gatewaybench.scenarios.load;

import static org.gatewaybench.scenarios.load.Shape.Field.optional;
import static org.gatewaybench.scenarios.load.Shape.Field.required;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.probes.traffic.TrafficPlan;

/** The form of a scenario file: every field, its type, its default and its help text. */
public final class ScenarioShape {

    static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    static final Shape.Num RATE = new Shape.Num(0, 100_000);

    public static final Shape.Obj PROBE = new Shape.Obj(List.of(
            optional("pollInterval", new Shape.Dur(Duration.ofMillis(1)), "50ms",
                    "shortest time between two polls of one route"),
            optional("consecutiveSuccesses", new Shape.Int(1, 100), "3",
                    "right answers in a row that make a route activated (Gateway API conformance uses 3)"),
            optional("timeout", new Shape.Dur(Duration.ofMillis(100)), "60s",
                    "a route not activated by then is reported as never activated"),
            optional("maxRequestsPerSecond", new Shape.Int(1, 1_000_000), "2000",
                    "the probe's global request budget against one data plane"),
            optional("connections", new Shape.Int(1, 1024), "8",
                    "keep-alive connections the probe holds to the data plane")));

    public static final Shape.Obj LONG_CONNECTIONS = new Shape.Obj(List.of(
            optional("websocket", new Shape.Int(0, 10_000), "0",
                    "WebSockets to hold, each sending a message every interval and checking the echo"),
            optional("http1", new Shape.Int(0, 10_000), "0",
                    "HTTP/1.1 keep-alive connections to hold, each sending a request every interval"),
            optional("sse", new Shape.Int(0, 10_000), "0",
                    "server-sent event streams to hold, each receiving an event every interval"),
            optional("h2c", new Shape.Int(0, 10_000), "0",
                    "HTTP/2 cleartext connections to hold, one request every interval (only gateways that carry h2c)"),
            optional("interval", new Shape.Dur(Duration.ofMillis(10)), "1s",
                    "one message, request or event per connection per interval; no answer for 3 intervals is a stall")));

    /** A memory size in bytes, KiB, MiB or GiB, as Kubernetes writes it: 64Mi. */
    static final String MEMORY_PATTERN = "[1-9][0-9]*(Ki|Mi|Gi)?";

    public static final Shape.Obj WRK = new Shape.Obj(List.of(
            optional("connections", new Shape.Int(1, 1000), "1",
                    "connections wrk keeps busy, each sending its next request when the answer came"),
            optional("duration", new Shape.Dur(Duration.ofSeconds(1)), "5s", "how long wrk runs, at most 5m")));

    public static final Shape.Obj TRAFFIC = new Shape.Obj(List.of(
            required("rate", new Shape.Num(0, TrafficPlan.MAX_RATE_PER_SECOND),
                    "requests per second to the stable routes (open model: sent whatever the answers take)"),
            optional("duration", new Shape.Dur(Duration.ofSeconds(1)), null,
                    "how long traffic is sent, at most 2h (default: until the churn ends)"),
            optional("requestTimeout", new Shape.Dur(Duration.ofMillis(100)), "5s",
                    "a request not answered by then counts as an error"),
            optional("wrk", WRK, null,
                    "after the traffic, measure the first stable route with wrk too (Debian package wrk)")));

    public static final Shape.Obj RESOURCES = new Shape.Obj(List.of(
            optional("interval", new Shape.Dur(Duration.ofMillis(50)), "1s",
                    "time between two samples of each component's CPU and resident memory")));

    public static final Shape.Obj FAULT = new Shape.Obj(List.of(
            required("at", new Shape.Dur(Duration.ZERO), "when the fault starts, as time since the churn started"),
            required("action", Shape.Text.oneOf(Word.words(FaultAction.class).toArray(String[]::new)),
                    "kill (then restart), freeze (SIGSTOP, then SIGCONT), squeeze (a lower memory limit), "
                            + "partition (controller cut off from the route API), restart-node (k3s only)"),
            required("target", Shape.Text.oneOf(Word.words(FaultTarget.class).toArray(String[]::new)),
                    "what the fault hits: controller, data-plane, or node (restart-node only)"),
            optional("duration", new Shape.Dur(Duration.ZERO), "5s",
                    "how long the fault lasts before it is healed (a killed component stays down this long)"),
            optional("memory", Shape.Text.matching(MEMORY_PATTERN, "a size like 64Mi (bytes, Ki, Mi or Gi)"), null,
                    "squeeze only: the memory limit to impose (in the lab each process's address-space limit)")));

    private static final Shape.Field PHASE_NAME = optional("name", Shape.Text.matching(NAME_PATTERN,
            "a lower-case name like steady-churn"), null, "the phase's name in reports (default: its kind)");

    public static final Shape.Variants PHASE = new Shape.Variants("kind", phases());

    public static final Shape.Obj CHURN = new Shape.Obj(List.of(
            optional("concurrency", new Shape.Int(1, 256), "8", "route writes in flight at once"),
            required("phases", new Shape.ListOf(PHASE, 1), "the churn phases, run in order for each gateway")));

    public static final Shape.Obj GATEWAY = new Shape.Obj(List.of(
            required("name", Shape.Text.matching(NAME_PATTERN, "a gateway driver name (see `gateway-bench gateways`)"),
                    "the gateway driver"),
            optional("options", new Shape.ScalarMap(), null,
                    "driver options (see `gateway-bench gateways` for each driver's options)")));

    public static final Shape.Obj SCENARIO = new Shape.Obj(List.of(
            required("name", Shape.Text.matching(NAME_PATTERN, "a lower-case name like quickstart"),
                    "the scenario's name, used in run folder names"),
            optional("description", Shape.Text.any(), "", "what the scenario shows"),
            optional("fixture", Shape.Text.oneOf(Word.words(FixtureKind.class).toArray(String[]::new)), FixtureKind.EMBEDDED.word(),
                    "where the gateways run"),
            optional("output", Shape.Text.matching(".+", "a folder path"), "runs",
                    "folder under which each run gets its own folder"),
            optional("tenants", new Shape.Int(1, 100_000), "10", "how many tenants own the routes"),
            optional("backends", new Shape.Int(1, 64), "4", "how many backend instances routes point at"),
            optional("stableRoutes", new Shape.Int(0, 10_000), "0",
                    "routes created before the churn and never changed by it, for long-connection and traffic probes"),
            required("gateways", new Shape.ListOf(GATEWAY, 1), "the gateways to compare, run one after another"),
            required("churn", CHURN, "the schedule of route writes"),
            optional("probe", PROBE, null, "how the activation probe watches routes"),
            optional("traffic", TRAFFIC, null, "steady traffic to the stable routes during the churn (Gatling)"),
            optional("resources", RESOURCES, null, "CPU and memory sampling of each gateway component"),
            optional("chaos", new Shape.ListOf(FAULT, 0), null,
                    "faults injected into each gateway during its churn, each healed after its duration"),
            optional("longConnections", LONG_CONNECTIONS, null,
                    "long connections held to the stable routes during the churn, to count the drops config applies cause")));

    private ScenarioShape() {
    }

    private static Map<String, Shape.Obj> phases() {
        Shape.Field kind = required("kind", Shape.Text.oneOf("ramp", "steady", "delete-all"), "the phase kind");
        Map<String, Shape.Obj> phases = new LinkedHashMap<>();
        phases.put("ramp", new Shape.Obj(List.of(kind, PHASE_NAME,
                required("to", new Shape.Int(1, 1_000_000), "create routes until this many exist"),
                required("rate", RATE, "route creates per second"))));
        phases.put("steady", new Shape.Obj(List.of(kind, PHASE_NAME,
                required("rate", RATE, "route writes (create, update, delete in turn) per second"),
                required("population", new Shape.Int(0, 1_000_000), "how many routes to keep"),
                required("duration", new Shape.Dur(Duration.ofMillis(1)), "how long the phase lasts"))));
        phases.put("delete-all", new Shape.Obj(List.of(kind, PHASE_NAME,
                required("rate", RATE, "route deletes per second"))));
        return phases;
    }
}
