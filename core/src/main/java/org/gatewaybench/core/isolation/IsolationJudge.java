package org.gatewaybench.core.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.gatewaybench.core.activation.ActivationRule;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.OpKind;

/**
 * Judges one isolation check from its events ({@link CheckEvents}): the verdict, why in words, and
 * the figures it rests on. Pure, like {@link ActivationRule}: the probe judges live with it and the
 * analyses judge the journal again with it, so the two cannot disagree. A route counts as live by the
 * activation rule: {@code consecutiveSuccesses} answers in a row from its backend.
 */
public final class IsolationJudge {

    /** Settings keys of {@link Events.IsolationCheckStarted} the judge reads. */
    public static final String NOT_APPLICABLE = "notApplicable";
    public static final String LATENCY_RATIO = "latencyRatio";
    public static final String FLOOR_MILLIS = "floorMillis";
    public static final String STALL_MILLIS = "stallMillis";
    public static final String CANARY_FILE = "canaryFile";
    /** Fewer live quiet routes than this in a window of noisy-neighbour is too few to compare. */
    public static final int MIN_SAMPLES = 5;

    /** A verdict with its reason and evidence figures. */
    public record Judgement(Verdict verdict, String reason, Map<String, Double> figures) {
        public Judgement {
            Objects.requireNonNull(verdict, "verdict");
            figures = Map.copyOf(figures);
        }
    }

    /**
     * When the write of a route took effect: {@code liveSentMono} is when the first request of the
     * streak that made it live was sent (-1 when it never went live while watched).
     */
    public record Activation(Events.IsolationWrite write, long liveSentMono, int requests) {

        public boolean live() {
            return liveSentMono >= 0;
        }

        /** From the write's t0 to going live, in nanoseconds; -1 when never live. */
        public long latencyNanos() {
            return live() ? liveSentMono - write.at().mono() : -1;
        }
    }

    private final CheckEvents events;
    private final int consecutive;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    private IsolationJudge(CheckEvents events, int consecutiveSuccesses) {
        this.events = events;
        this.consecutive = consecutiveSuccesses;
    }

    /** The verdict of one check, from its events and the activation rule's streak length. */
    public static Judgement judge(CheckEvents events, int consecutiveSuccesses) {
        return new IsolationJudge(events, consecutiveSuccesses).judge();
    }

    /**
     * Every ok create or update of the check with when it went live, in write order: the rule
     * applied to the requests that watched it.
     */
    public static List<Activation> activations(CheckEvents events, int consecutiveSuccesses) {
        List<Activation> out = new ArrayList<>();
        for (Events.IsolationWrite w : events.writes()) {
            if (w.ok() && w.kind() != OpKind.DELETE) {
                out.add(activation(events, w, consecutiveSuccesses));
            }
        }
        return out;
    }

    private static Activation activation(CheckEvents events, Events.IsolationWrite w, int consecutive) {
        ActivationRule rule = new ActivationRule(consecutive);
        int n = 0;
        for (Events.IsolationRequest r : events.requests()) {
            if (r.write() != w.write()) {
                continue;
            }
            n++;
            boolean ok = r.status() == 200 && w.backend().equals(r.backend());
            if (rule.observe(ok ? PollOutcome.OK : PollOutcome.NOT_YET, r.sentMono())) {
                return new Activation(w, rule.reachedAtSent(), n);
            }
        }
        return new Activation(w, -1, n);
    }

    private Judgement judge() {
        String notApplicable = events.started().settings().get(NOT_APPLICABLE);
        if (notApplicable != null) {
            return new Judgement(Verdict.NOT_APPLICABLE, notApplicable, Map.of());
        }
        if (!events.errors().isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "the probe could not carry the check out: "
                    + events.errors().get(0).message(), Map.of());
        }
        return switch (events.check()) {
            case SAME_HOST_SAME_PATH, SUB_PATH_CAPTURE -> capture();
            case WILDCARD_CAPTURE -> wildcard();
            case CROSS_NAMESPACE_BACKEND -> crossNamespace();
            case CONFIG_POISONING -> poisoning();
            case SNIPPET_INJECTION -> snippets();
            case CONTROL_PLANE_EXPOSURE -> controlPlane();
            case NOISY_NEIGHBOUR -> noisyNeighbour();
        };
    }

    // ---- checks -------------------------------------------------------------------------------

    /** Same host and path, and sub-path: which requests of A's host reached B's backend, during and after. */
    private Judgement capture() {
        Optional<Events.IsolationWrite> victim = firstWrite(Actor.VICTIM, Stage.SETUP, OpKind.CREATE);
        Judgement unmet = preconditions(victim);
        if (unmet != null) {
            return unmet;
        }
        String host = victim.get().host();
        String attackerBackend = attackerBackend();
        List<Events.IsolationRequest> during = requests(Stage.DURING, r -> r.host().equals(host));
        // After B's delete, what counts is what A's host answers once the gateway took the delete.
        long deleteTaken = barrierLive(Stage.AFTER);
        List<Events.IsolationRequest> after = requests(Stage.AFTER, r -> r.host().equals(host)
                && r.sentMono() >= deleteTaken);
        List<Events.IsolationRequest> capturedDuring = answeredBy(during, attackerBackend);
        List<Events.IsolationRequest> capturedAfter = answeredBy(after, attackerBackend);
        TreeSet<String> pathsTried = new TreeSet<>();
        during.forEach(r -> pathsTried.add(r.path()));
        TreeSet<String> pathsCaptured = new TreeSet<>();
        capturedDuring.forEach(r -> pathsCaptured.add(r.path()));
        capturedAfter.forEach(r -> pathsCaptured.add(r.path()));
        List<String> lost = lostAfter(after, victim.get().backend());
        figure("requestsDuring", during.size());
        figure("capturedDuring", capturedDuring.size());
        figure("requestsAfter", after.size());
        figure("capturedAfter", capturedAfter.size());
        figure("pathsTried", pathsTried.size());
        figure("pathsCaptured", pathsCaptured.size());
        figure("victimLostAfter", lost.isEmpty() ? 0 : 1);
        firstCapture(capturedDuring).ifPresent(ms -> figure("firstCaptureMs", ms));
        if (!capturedDuring.isEmpty() || !capturedAfter.isEmpty()) {
            return verdict(Verdict.VIOLATED, capturedDuring.size() + " of " + during.size() + " requests to A's host "
                    + host + " reached B's backend " + attackerBackend + " while B's route existed"
                    + (capturedAfter.isEmpty() ? "" : " and " + capturedAfter.size() + " of " + after.size()
                    + " once the gateway had taken B's delete") + "; paths that reached B: "
                    + String.join(", ", pathsCaptured)
                    + " (of " + String.join(", ", pathsTried) + ")");
        }
        if (!lost.isEmpty()) {
            return verdict(Verdict.VIOLATED, "after B deleted its route, A's host " + host + " no longer reached A's "
                    + "backend at " + String.join(", ", lost));
        }
        return refusedOrHeld("none of " + (during.size() + after.size()) + " requests to A's host " + host
                + " reached B's backend " + attackerBackend + " (paths " + String.join(", ", pathsTried) + ")");
    }

    /** Wildcard: A's live, pending and deleted hosts, and whether B's wildcard itself answered. */
    private Judgement wildcard() {
        Optional<Events.IsolationWrite> live = firstWrite(Actor.VICTIM, Stage.SETUP, OpKind.CREATE);
        Judgement unmet = preconditions(live);
        if (unmet != null) {
            return unmet;
        }
        String attackerBackend = attackerBackend();
        String liveHost = live.get().host();
        Optional<Events.IsolationWrite> pending = firstWrite(Actor.VICTIM, Stage.PENDING, OpKind.CREATE);
        List<Events.IsolationRequest> activeAsked = requests(Stage.DURING, r -> r.host().equals(liveHost));
        List<Events.IsolationRequest> pendingAsked = pending.map(p -> requests(Stage.PENDING,
                r -> r.host().equals(p.host()))).orElse(List.of());
        List<Events.IsolationRequest> deletedAsked = requests(Stage.DELETED, r -> r.host().equals(liveHost));
        Optional<Events.IsolationWrite> wildcard = firstWrite(Actor.ATTACKER, Stage.DURING, OpKind.CREATE);
        List<Events.IsolationRequest> wildcardAsked = wildcard.map(w -> requests(Stage.DURING,
                r -> r.write() == w.write())).orElse(List.of());
        int active = answeredBy(activeAsked, attackerBackend).size();
        int pend = answeredBy(pendingAsked, attackerBackend).size();
        int deleted = answeredBy(deletedAsked, attackerBackend).size();
        boolean wildcardLive = !answeredBy(wildcardAsked, attackerBackend).isEmpty();
        figure("activeRequests", activeAsked.size());
        figure("activeCaptured", active);
        figure("pendingRequests", pendingAsked.size());
        figure("pendingCaptured", pend);
        figure("deletedRequests", deletedAsked.size());
        figure("deletedCaptured", deleted);
        figure("wildcardLive", wildcardLive ? 1 : 0);
        if (active + pend + deleted > 0) {
            List<String> parts = new ArrayList<>();
            if (active > 0) {
                parts.add(active + " of " + activeAsked.size() + " requests to A's live host");
            }
            if (pend > 0) {
                parts.add(pend + " of " + pendingAsked.size() + " requests to A's host before it went live");
            }
            if (deleted > 0) {
                parts.add(deleted + " of " + deletedAsked.size() + " requests to A's just deleted host");
            }
            return verdict(Verdict.VIOLATED, "B's wildcard answered " + String.join(", ", parts));
        }
        String wild = wildcardLive ? "B's wildcard was live" : "B's wildcard never answered";
        return refusedOrHeld(wild + "; none of A's hosts (live, pending, deleted: " + activeAsked.size() + ", "
                + pendingAsked.size() + ", " + deletedAsked.size() + " requests) reached B");
    }

    /** B's route names A's Service: did a request through B's route reach A's backend? */
    private Judgement crossNamespace() {
        Optional<Events.IsolationWrite> victim = firstWrite(Actor.VICTIM, Stage.SETUP, OpKind.CREATE);
        Judgement unmet = preconditions(victim);
        if (unmet != null) {
            return unmet;
        }
        Optional<Events.IsolationWrite> reference = firstWrite(Actor.ATTACKER, Stage.DURING, OpKind.CREATE);
        List<Events.IsolationRequest> asked = reference.map(w -> requests(Stage.DURING,
                r -> r.host().equals(w.host()))).orElse(List.of());
        String victimBackend = victim.get().backend();
        int reached = answeredBy(asked, victimBackend).size();
        figure("requests", asked.size());
        figure("reachedVictimBackend", reached);
        figure("answered404", asked.stream().filter(r -> r.status() == 404).count());
        figure("answered5xx", asked.stream().filter(r -> r.status() >= 500).count());
        if (reached > 0) {
            return verdict(Verdict.VIOLATED, reached + " of " + asked.size() + " requests through B's route reached A's "
                    + "backend " + victimBackend);
        }
        return refusedOrHeld("none of " + asked.size() + " requests through B's route reached A's backend "
                + victimBackend + " (" + statusSummary(asked) + ")");
    }

    /** Blast radius: the other tenants' writes while B's unloadable route existed, and after it went. */
    private Judgement poisoning() {
        List<Activation> all = activations(events, consecutive);
        List<Activation> before = of(all, Actor.BYSTANDER, Stage.BEFORE);
        List<Activation> during = of(all, Actor.BYSTANDER, Stage.DURING);
        if (before.isEmpty() || before.stream().anyMatch(a -> !a.live())) {
            return verdict(Verdict.INCONCLUSIVE, "the other tenants' routes written before B's did not all go live: "
                    + "no baseline");
        }
        long stall = millisSetting(STALL_MILLIS, 5000) * 1_000_000L;
        Optional<Events.IsolationWrite> removed = firstWrite(Actor.ATTACKER, Stage.AFTER, OpKind.DELETE);
        long removedAt = removed.map(w -> w.at().mono()).orElse(Long.MAX_VALUE);
        List<Activation> stalled = during.stream().filter(a -> !a.live() || a.latencyNanos() > stall
                || a.liveSentMono() >= removedAt).toList();
        long tenantsDelayed = stalled.stream().map(a -> a.write().route().tenant()).distinct().count();
        long maxDelay = during.stream().mapToLong(a -> a.live() ? a.latencyNanos() : -1).max().orElse(0);
        long resumed = stalled.stream().filter(Activation::live).filter(a -> a.liveSentMono() >= removedAt)
                .mapToLong(a -> a.liveSentMono() - removedAt).max().orElse(-1);
        double beforeP50 = percentileMillis(latencies(before), 50);
        double duringP50 = percentileMillis(latencies(during.stream().filter(Activation::live).toList()), 50);
        figure("writesBefore", before.size());
        figure("writesDuring", during.size());
        figure("stalledWrites", stalled.size());
        figure("tenantsDelayed", tenantsDelayed);
        figure("beforeP50Ms", beforeP50);
        if (!Double.isNaN(duringP50)) {
            figure("duringP50Ms", duringP50);
        }
        if (maxDelay >= 0) {
            figure("maxDelayMs", maxDelay / 1e6);
        }
        if (resumed >= 0) {
            figure("resumedAfterDeleteMs", resumed / 1e6);
        }
        boolean recovered = during.stream().allMatch(Activation::live);
        figure("recovered", recovered ? 1 : 0);
        if (!stalled.isEmpty()) {
            return verdict(Verdict.VIOLATED, stalled.size() + " of " + during.size() + " writes of " + tenantsDelayed
                    + " other tenants did not go live within " + stall / 1_000_000 + " ms while B's route existed"
                    + (recovered ? "; they went live " + Math.round(Math.max(resumed, 0) / 1e6)
                    + " ms after B deleted it" : "; some never went live, even after B deleted it"));
        }
        String compared = "other tenants' writes went live in p50 " + Math.round(duringP50) + " ms while B's route "
                + "existed, " + Math.round(beforeP50) + " ms before";
        if (slower(duringP50, beforeP50)) {
            return verdict(Verdict.DEGRADED, compared + ": beyond the bound (ratio " + ratioSetting()
                    + ", floor " + millisSetting(FLOOR_MILLIS, 50) + " ms)");
        }
        return refusedOrHeld(compared);
    }

    /** Snippets: the canary header on A's answers, the planted file served through B's route. */
    private Judgement snippets() {
        Optional<Events.IsolationWrite> victim = firstWrite(Actor.VICTIM, Stage.SETUP, OpKind.CREATE);
        Judgement unmet = preconditions(victim);
        if (unmet != null) {
            return unmet;
        }
        List<Events.IsolationRequest> during = requests(Stage.DURING, r -> true);
        long headers = during.stream().filter(r -> r.canary() != null && r.canary().contains("header")).count();
        long files = during.stream().filter(r -> r.canary() != null && r.canary().contains("file")).count();
        boolean planted = !events.setting(CANARY_FILE, "").isEmpty();
        figure("requests", during.size());
        figure("canaryHeaders", headers);
        figure("canaryFileReads", files);
        figure("canaryPlanted", planted ? 1 : 0);
        if (headers + files > 0) {
            List<String> parts = new ArrayList<>();
            if (headers > 0) {
                parts.add(headers + " answers of A's host carried B's canary header");
            }
            if (files > 0) {
                parts.add(files + " answers through B's route served the file planted in the gateway");
            }
            return verdict(Verdict.VIOLATED, String.join("; ", parts));
        }
        return refusedOrHeld("no answer carried B's canary header" + (planted
                ? " or the planted file" : " (no file could be planted: " + events.setting("canaryNote", "")
                + ")") + " in " + during.size() + " requests");
    }

    /** Control endpoints reached from B's position: any admin, xDS or webhook endpoint is a violation. */
    private Judgement controlPlane() {
        List<Events.ControlEndpointTried> tried = events.endpoints();
        List<Events.ControlEndpointTried> reached = tried.stream().filter(Events.ControlEndpointTried::reached).toList();
        List<Events.ControlEndpointTried> controls = reached.stream().filter(e -> e.kind().controls()).toList();
        figure("endpointsTried", tried.size());
        figure("endpointsReached", reached.size());
        figure("controlEndpointsReached", controls.size());
        if (!controls.isEmpty()) {
            return verdict(Verdict.VIOLATED, "from B's position " + describe(controls) + " answered");
        }
        if (tried.isEmpty()) {
            return verdict(Verdict.HELD, "the gateway has no control endpoint a tenant could address");
        }
        return verdict(Verdict.HELD, "no admin, xDS or webhook endpoint answered B's position ("
                + tried.size() + " tried" + (reached.isEmpty() ? "" : "; reached: " + describe(reached)) + ")");
    }

    /** Noisy neighbour: quiet tenants' activation before and during B's storm. */
    private Judgement noisyNeighbour() {
        List<Activation> all = activations(events, consecutive);
        List<Activation> before = of(all, Actor.BYSTANDER, Stage.BEFORE);
        List<Activation> during = of(all, Actor.BYSTANDER, Stage.DURING);
        List<Long> b = latencies(before.stream().filter(Activation::live).toList());
        List<Long> d = latencies(during.stream().filter(Activation::live).toList());
        List<Events.IsolationWrite> stormWrites = events.writes().stream().filter(w -> w.actor() == Actor.ATTACKER
                && w.stage() == Stage.DURING && w.ok()).toList();
        long storm = stormWrites.size();
        figure("stormRoutes", storm);
        if (storm > 1) {
            figure("stormSeconds", (stormWrites.get(stormWrites.size() - 1).at().mono()
                    - stormWrites.get(0).at().mono()) / 1e9);
        }
        figure("quietBefore", before.size());
        figure("quietDuring", during.size());
        if (b.size() < MIN_SAMPLES || d.size() < MIN_SAMPLES) {
            return verdict(Verdict.INCONCLUSIVE, "too few quiet routes went live to compare (" + b.size() + " before, "
                    + d.size() + " during the storm; at least " + MIN_SAMPLES + " each)");
        }
        double b50 = percentileMillis(b, 50);
        double b99 = percentileMillis(b, 99);
        double d50 = percentileMillis(d, 50);
        double d99 = percentileMillis(d, 99);
        figure("beforeP50Ms", b50);
        figure("beforeP99Ms", b99);
        figure("duringP50Ms", d50);
        figure("duringP99Ms", d99);
        figure("ratioP50", d50 / Math.max(b50, 1e-3));
        figure("ratioP99", d99 / Math.max(b99, 1e-3));
        long never = during.stream().filter(a -> !a.live()).count();
        figure("neverLive", never);
        String compared = "quiet tenants' activation p50/p99 " + round(b50) + "/" + round(b99) + " ms before, "
                + round(d50) + "/" + round(d99) + " ms during B's storm of " + storm + " routes (p99 ratio "
                + round(d99 / Math.max(b99, 1e-3)) + ")";
        if (never > 0) {
            return verdict(Verdict.DEGRADED, never + " quiet routes written during the storm never went live; "
                    + compared);
        }
        if (slower(d99, b99)) {
            return verdict(Verdict.DEGRADED, compared + ", beyond the bound " + ratioSetting());
        }
        return verdict(Verdict.HELD, compared + ", within the bound " + ratioSetting());
    }

    // ---- parts --------------------------------------------------------------------------------

    /** A's route live and every barrier live; else the inconclusive verdict that says which was not. */
    private Judgement preconditions(Optional<Events.IsolationWrite> victim) {
        Judgement setup = setupFailure(victim);
        return setup != null ? setup : barrierFailure();
    }

    private Judgement setupFailure(Optional<Events.IsolationWrite> victim) {
        if (victim.isEmpty()) {
            return verdict(Verdict.INCONCLUSIVE, "A's route was never written");
        }
        if (!victim.get().ok()) {
            return verdict(Verdict.INCONCLUSIVE, "A's route was refused: " + victim.get().error());
        }
        Activation a = activation(events, victim.get(), consecutive);
        if (!a.live()) {
            return verdict(Verdict.INCONCLUSIVE, "A's route " + victim.get().host() + victim.get().path()
                    + " never went live (" + a.requests() + " requests)");
        }
        figure("victimLiveMs", a.latencyNanos() / 1e6);
        return null;
    }

    /**
     * Barriers are other tenants' routes written after B's write: once one is live the gateway has
     * taken B's write too, so what A's host answers then is B's effect. A barrier that never went
     * live leaves the check without that assurance.
     */
    private Judgement barrierFailure() {
        for (Activation a : activations(events, consecutive)) {
            if (a.write().actor() == Actor.BYSTANDER && !a.live()) {
                return verdict(Verdict.INCONCLUSIVE, "the barrier route " + a.write().route() + " written "
                        + a.write().stage() + " never went live, so B's write may not have been applied when A's "
                        + "host was asked");
            }
        }
        return null;
    }

    /** When the first barrier of {@code stage} went live (the gateway had taken what came before); -1 when none. */
    private long barrierLive(Stage stage) {
        return activations(events, consecutive).stream()
                .filter(a -> a.write().actor() == Actor.BYSTANDER && a.write().stage() == stage && a.live())
                .mapToLong(Activation::liveSentMono).min().orElse(-1);
    }

    /** Refused when any write of B was refused or its route reported not accepted, else held. */
    private Judgement refusedOrHeld(String what) {
        for (Events.IsolationWrite w : events.writes()) {
            if (w.actor() == Actor.ATTACKER && !w.ok() && w.stage() != Stage.CLEANUP) {
                figure("attackerRefused", 1);
                return verdict(Verdict.REFUSED, "B's " + w.kind() + " of " + w.route() + " was refused ("
                        + w.refusal() + ": " + w.error() + "); " + what);
            }
        }
        for (Events.RouteStatusObserved s : events.statuses()) {
            boolean attackers = events.writes().stream().anyMatch(w -> w.actor() == Actor.ATTACKER
                    && w.route().equals(s.route()));
            if (attackers && s.value().startsWith("False")) {
                figure("attackerRefused", 1);
                return verdict(Verdict.REFUSED, "B's route " + s.route() + " was reported " + s.signal() + " "
                        + s.value() + "; " + what);
            }
        }
        return verdict(Verdict.HELD, what);
    }

    private Judgement verdict(Verdict verdict, String reason) {
        return new Judgement(verdict, reason, figures);
    }

    private Optional<Events.IsolationWrite> firstWrite(Actor actor, Stage stage, OpKind kind) {
        return events.writes().stream().filter(w -> w.actor() == actor && w.stage() == stage && w.kind() == kind)
                .findFirst();
    }

    /** The backend B's first route points at (A's, for a cross-namespace reference). */
    private String attackerBackend() {
        return events.writes().stream().filter(w -> w.actor() == Actor.ATTACKER && w.kind() == OpKind.CREATE)
                .map(Events.IsolationWrite::backend).findFirst().orElse("(none)");
    }

    private List<Events.IsolationRequest> requests(Stage stage, Predicate<Events.IsolationRequest> which) {
        return events.requests().stream().filter(r -> r.stage() == stage).filter(which).toList();
    }

    private static List<Events.IsolationRequest> answeredBy(List<Events.IsolationRequest> asked, String backend) {
        return asked.stream().filter(r -> r.status() == 200 && backend.equals(r.backend())).toList();
    }

    /** Paths whose last answer after B left was not A's backend. */
    private static List<String> lostAfter(List<Events.IsolationRequest> after, String victimBackend) {
        Map<String, Events.IsolationRequest> last = new LinkedHashMap<>();
        after.forEach(r -> last.put(r.path(), r));
        return last.values().stream().filter(r -> !(r.status() == 200 && victimBackend.equals(r.backend())))
                .map(r -> r.path() + " (" + (r.status() == 0 ? r.failure() : "status " + r.status()
                        + (r.backend() == null ? "" : " from " + r.backend())) + ")").toList();
    }

    private Optional<Double> firstCapture(List<Events.IsolationRequest> captured) {
        Optional<Events.IsolationWrite> attacker = events.writes().stream()
                .filter(w -> w.actor() == Actor.ATTACKER && w.ok()).findFirst();
        if (captured.isEmpty() || attacker.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, captured.get(0).sentMono() - attacker.get().at().mono()) / 1e6);
    }

    private static List<Activation> of(List<Activation> all, Actor actor, Stage stage) {
        return all.stream().filter(a -> a.write().actor() == actor && a.write().stage() == stage).toList();
    }

    private static List<Long> latencies(List<Activation> live) {
        return live.stream().map(Activation::latencyNanos).sorted().toList();
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds; NaN for none. */
    static double percentileMillis(List<Long> sortedNanos, double percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size(), rank) - 1)) / 1e6;
    }

    /** Whether {@code during} exceeds {@code before} by more than the ratio bound and the floor. */
    private boolean slower(double during, double before) {
        double ratio = Double.parseDouble(ratioSetting());
        long floor = millisSetting(FLOOR_MILLIS, 50);
        return during > before * ratio && during - before > floor;
    }

    private String ratioSetting() {
        return events.setting(LATENCY_RATIO, "3");
    }

    private long millisSetting(String key, long fallback) {
        return Long.parseLong(events.setting(key, Long.toString(fallback)));
    }

    private void figure(String name, double value) {
        figures.put(name, value);
    }

    private static String describe(List<Events.ControlEndpointTried> endpoints) {
        return String.join(", ", endpoints.stream().map(e -> e.endpoint() + " (" + e.kind() + ", " + e.address()
                + ": " + e.answer() + ")").toList());
    }

    private static String statusSummary(List<Events.IsolationRequest> asked) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        asked.forEach(r -> byStatus.merge(r.status() == 0 ? r.failure() : Integer.toString(r.status()), 1,
                Integer::sum));
        List<String> parts = new ArrayList<>();
        byStatus.forEach((k, v) -> parts.add(v + "x " + k));
        return parts.isEmpty() ? "no answers" : String.join(", ", parts);
    }

    private static String round(double value) {
        return value >= 10 ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
