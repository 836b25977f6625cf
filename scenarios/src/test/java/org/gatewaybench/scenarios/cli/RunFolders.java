package org.gatewaybench.scenarios.cli;

import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.journal.RunOutcome;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.activation.Expect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.reports.Reports;

/** Rendered run folders of one lab gateway, for the commands that read run folders. */
final class RunFolders {

    private static final String GW = "lab-haproxy-runtime";
    private static final long MS = 1_000_000;

    private RunFolders() {
    }

    /** A run folder under {@code dir} of scenario {@code scenario} whose 10 routes each activate {@code latencyMs} after their ack. */
    static Path rendered(Path dir, String name, String scenario, long latencyMs) throws IOException {
        List<Event> events = new ArrayList<>();
        events.add(new Events.RunStarted(new Stamp(0, 0), Journal.SCHEMA_VERSION, name, scenario, scenario + ".yaml",
                "embedded", "host", 2, List.of(GW), ProbeRule.conformance(), Map.of()));
        events.add(new Events.GatewayStarted(new Stamp(0, 0), GW, "127.0.0.1:1", Map.of()));
        for (long op = 1; op <= 10; op++) {
            RouteKey route = new RouteKey("t0000", "r" + op);
            long ack = op * 1000 * MS;
            events.add(new Events.OpInvoked(new Stamp(ack - MS, 0), GW, op, OpKind.CREATE, route, "h", "/", "b0", ack - MS));
            events.add(new Events.OpCompleted(new Stamp(ack, 0), GW, op, OpKind.CREATE, route, true, null, null));
            for (int poll = 0; poll < 3; poll++) {
                long sent = ack + (latencyMs + poll) * MS;
                events.add(new Events.ProbePoll(new Stamp(sent + MS / 2, 0), GW, op, route, Expect.PRESENT, PollOutcome.OK, 200,
                        null, sent, poll == 0 ? 0 : MS));
            }
        }
        events.add(new Events.RunEnded(new Stamp(20_000 * MS, 0), RunOutcome.COMPLETED, null));
        Path runDir = Files.createDirectories(dir.resolve(name));
        Reports.render(History.of(events), runDir);
        return runDir;
    }
}
