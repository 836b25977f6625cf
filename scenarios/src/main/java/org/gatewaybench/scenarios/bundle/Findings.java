package org.gatewaybench.scenarios.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.JournalCodec;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.route.RouteKey;

/**
 * What went wrong in a run, in plain words, read from its journal: routes that never reached their
 * state (with each one's timeline: its writes, the polls that judged them, the config applies
 * meanwhile, the give-up), long connections dropped (with the config apply that caused each),
 * assertions that failed and isolation checks that were violated or degraded (each told with all
 * its journaled fields).
 *
 * @param timelinesLeftOut never-activated routes beyond {@link #MAX_TIMELINES}, counted but without a timeline
 */
public record Findings(List<NeverActivated> neverActivated, List<Drop> drops, int dropsLeftOut,
                       List<String> failedAssertions, List<String> isolationFindings, int timelinesLeftOut) {

    /** Never-activated routes given a timeline; the rest are counted. */
    public static final int MAX_TIMELINES = 20;
    /** Drops listed; the rest are counted. */
    public static final int MAX_DROPS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A write whose route never reached its expected state, and how it went, one line per step. */
    public record NeverActivated(String gateway, RouteKey route, long op, String expect, List<String> timeline) {
    }

    /** A long connection that ended unasked, and the config apply that retired it (-1 when none). */
    public record Drop(String gateway, String kind, RouteKey route, String cause, String detail, double atSeconds,
                       long retiringApply, String mechanism, double sinceApplySeconds) {
    }

    public boolean any() {
        return !neverActivated.isEmpty() || !drops.isEmpty() || !failedAssertions.isEmpty()
                || !isolationFindings.isEmpty();
    }

    /** Reads the findings of the journal {@code file} (two passes). */
    public static Findings of(Path file) throws IOException {
        History history = JournalReader.open(file);
        Map<String, Long> starts = new HashMap<>();
        List<Events.ProbeGaveUp> gaveUp = new ArrayList<>();
        List<Drop> drops = new ArrayList<>();
        int[] dropsSeen = {0};
        List<String> assertions = new ArrayList<>();
        List<String> isolation = new ArrayList<>();
        history.replay((e, line) -> {
            if (e instanceof Events.GatewayStarted g) {
                starts.putIfAbsent(g.gateway(), g.at().mono());
            } else if (e instanceof Events.ProbeGaveUp g) {
                gaveUp.add(g);
            } else if (e instanceof Events.ConnectionDropped d && dropsSeen[0]++ < MAX_DROPS) {
                drops.add(new Drop(d.gateway(), d.kind().word(), d.route(), d.cause().word(), d.detail(),
                        seconds(d.at().mono() - starts.getOrDefault(d.gateway(), d.at().mono())), d.retiringApply(),
                        d.lastApplyMechanism(), seconds(d.sinceRetiringApplyNanos())));
            } else if (e instanceof Events.AssertionEvaluated a && !a.passed()) {
                assertions.add(describe(e));
            } else if (e instanceof Events.IsolationVerdict v && v.verdict().finding()) {
                isolation.add(describe(e));
            }
        });
        List<Events.ProbeGaveUp> detailed = gaveUp.subList(0, Math.min(MAX_TIMELINES, gaveUp.size()));
        List<NeverActivated> never = timelines(history, detailed, starts);
        return new Findings(never, drops, Math.max(0, dropsSeen[0] - MAX_DROPS), assertions, isolation,
                gaveUp.size() - detailed.size());
    }

    /** A second pass: the writes, polls and applies of each given-up route. */
    private static List<NeverActivated> timelines(History history, List<Events.ProbeGaveUp> gaveUp,
                                                  Map<String, Long> starts) throws IOException {
        if (gaveUp.isEmpty()) {
            return List.of();
        }
        Map<String, Timeline> byRoute = new LinkedHashMap<>();
        gaveUp.forEach(g -> byRoute.put(g.gateway() + " " + g.route(), new Timeline(g)));
        history.replay((e, line) -> {
            if (e instanceof Events.ConfigApplyEnded a) {
                byRoute.values().stream().filter(t -> t.gaveUp.gateway().equals(a.gateway())).forEach(t -> t.apply(a));
                return;
            }
            String key = route(e);
            Timeline t = key == null ? null : byRoute.get(key);
            if (t != null) {
                t.accept(e, starts.getOrDefault(t.gaveUp.gateway(), 0L));
            }
        });
        return byRoute.values().stream().map(t -> new NeverActivated(t.gaveUp.gateway(), t.gaveUp.route(),
                t.gaveUp.op(), t.gaveUp.expect().word(), t.lines())).toList();
    }

    private static String route(Event e) {
        if (e instanceof Events.OpInvoked i) {
            return i.gateway() + " " + i.route();
        }
        if (e instanceof Events.OpCompleted c) {
            return c.gateway() + " " + c.route();
        }
        if (e instanceof Events.ProbePoll p) {
            return p.gateway() + " " + p.route();
        }
        if (e instanceof Events.ProbeGaveUp g) {
            return g.gateway() + " " + g.route();
        }
        return null;
    }

    /** The steps of one route, polls summarised per write. */
    private static final class Timeline {

        private final Events.ProbeGaveUp gaveUp;
        private final List<String> lines = new ArrayList<>();
        private long t0 = -1;
        private long start;
        private long polls;
        private final Map<String, Long> answers = new LinkedHashMap<>();
        private long firstPoll = -1;
        private long lastPoll;
        private long appliesOk;
        private long appliesFailed;

        Timeline(Events.ProbeGaveUp gaveUp) {
            this.gaveUp = gaveUp;
        }

        void apply(Events.ConfigApplyEnded a) {
            if (t0 >= 0 && a.at().mono() >= t0 && a.at().mono() <= gaveUp.at().mono()) {
                if (a.ok()) {
                    appliesOk++;
                } else {
                    appliesFailed++;
                }
            }
        }

        void accept(Event e, long gatewayStart) {
            start = gatewayStart;
            if (e instanceof Events.OpInvoked i) {
                closePolls();
                lines.add(at(i.at().mono()) + i.kind().word() + " sent (op " + i.op() + ", host " + i.host()
                        + ", path " + i.path() + ", backend " + i.backend() + ")");
            } else if (e instanceof Events.OpCompleted c) {
                if (c.op() == gaveUp.op()) {
                    t0 = c.at().mono();
                }
                lines.add(at(c.at().mono()) + c.kind().word() + (c.ok() ? " acknowledged by the route API (t0)"
                        : " refused: " + c.error()));
            } else if (e instanceof Events.ProbePoll p) {
                if (firstPoll < 0) {
                    firstPoll = p.at().mono();
                }
                lastPoll = p.at().mono();
                polls++;
                String answer = p.outcome().word() + (p.status() > 0 ? " " + p.status() : "")
                        + (p.outcome() == PollOutcome.ERROR && p.detail() != null ? " (" + p.detail() + ")" : "");
                answers.merge(answer, 1L, Long::sum);
            } else if (e instanceof Events.ProbeGaveUp g && g.op() == gaveUp.op()) {
                closePolls();
                lines.add(at(g.at().mono()) + "the probe gave up after " + String.format(Locale.ROOT, "%.1f",
                        seconds(g.waitedNanos())) + " s: never " + (g.expect().word().equals("absent")
                        ? "deactivated" : "activated") + "; " + appliesOk + " config applies completed meanwhile"
                        + (appliesFailed > 0 ? ", " + appliesFailed + " failed" : ""));
            }
        }

        private void closePolls() {
            if (polls > 0) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.3f s to %.3f s: ",
                        seconds(firstPoll - start), seconds(lastPoll - start)))
                        .append(polls).append(" polls answered ");
                Iterator<Map.Entry<String, Long>> it = answers.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, Long> a = it.next();
                    b.append(a.getValue()).append(" x ").append(a.getKey()).append(it.hasNext() ? ", " : "");
                }
                lines.add(b.toString());
            }
            polls = 0;
            firstPoll = -1;
            answers.clear();
        }

        private String at(long mono) {
            return String.format(Locale.ROOT, "%.3f s: ", seconds(mono - start));
        }

        List<String> lines() {
            closePolls();
            return List.copyOf(lines);
        }
    }

    /** An event's journaled fields other than its time, as name: value. */
    private static String describe(Event event) {
        JsonNode node;
        try {
            node = JSON.readTree(JournalCodec.toLine(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot describe " + event, e);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getKey().equals("at") && !f.getKey().equals("type") && !f.getValue().isNull()) {
                parts.add(f.getKey() + ": " + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue()));
            }
        }
        return String.join(", ", parts);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
