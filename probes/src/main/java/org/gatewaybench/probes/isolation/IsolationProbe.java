package org.gatewaybench.probes.isolation;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.gatewaybench.core.isolation.CheckEvents;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.RouteApi;
import org.gatewaybench.core.time.Clock;

/**
 * The isolation probe: runs each check of a plan against one gateway, one after another, through
 * its route API and its real data plane, and judges each from the events it journaled
 * ({@link IsolationJudge}, the code the analyses judge the journal with). A check the gateway has no
 * feature for is journaled as not applicable with the driver's reason. Every route a check wrote is
 * deleted when it ends, also when it fails.
 */
public final class IsolationProbe {

    private final String gateway;
    private final InetSocketAddress dataPlane;
    private final RouteApi routes;
    private final IsolationSurface surface;
    private final IsolationProfile profile;
    private final IsolationPlan plan;
    private final CheckRun.Backends backends;
    private final ObservedJournal journal;
    private final Clock clock;
    private final AtomicLong writeIds = new AtomicLong();
    private final AtomicLong routeNames = new AtomicLong();

    /**
     * @param backends the installed backends: the first is A's, the second B's (at least two)
     */
    public IsolationProbe(String gateway, InetSocketAddress dataPlane, RouteApi routes, IsolationSurface surface,
                          IsolationProfile profile, IsolationPlan plan, List<Backend> backends,
                          ObservedJournal journal, Clock clock) {
        this.gateway = gateway;
        this.dataPlane = dataPlane;
        this.routes = routes;
        this.surface = surface;
        this.profile = profile;
        this.plan = plan;
        this.backends = CheckRun.Backends.of(backends);
        this.journal = journal;
        this.clock = clock;
    }

    /** Records the gateway's settings, runs every check of the plan and returns the verdicts as journaled. */
    public List<Events.IsolationVerdict> run() throws InterruptedException {
        journal.append(new Events.IsolationSettingsRecorded(clock.now(), gateway, settings()));
        List<Events.IsolationVerdict> verdicts = new ArrayList<>();
        try (ClientPool clients = new ClientPool(dataPlane, plan.requestTimeout(), clock)) {
            for (IsolationCheck check : plan.checks()) {
                verdicts.add(runCheck(check, clients));
            }
        }
        return verdicts;
    }

    private Map<String, String> settings() {
        try {
            return surface.settings();
        } catch (RuntimeException e) {
            return Map.of("error", "the settings could not be read: " + e.getMessage());
        }
    }

    private Events.IsolationVerdict runCheck(IsolationCheck check, ClientPool clients) throws InterruptedException {
        CheckSupport support = profile.support(check);
        CheckRun run = new CheckRun(gateway, check, plan, routes, clients, journal, clock, writeIds, routeNames,
                backends, profile, surface);
        Map<String, String> settings = new LinkedHashMap<>(plan.settings(check));
        settings.put("how", support.how());
        if (support.mode() == CheckSupport.Mode.NOT_APPLICABLE) {
            settings.put(IsolationJudge.NOT_APPLICABLE, support.how());
        }
        boolean runs = support.mode() == CheckSupport.Mode.RUNS;
        boolean planted = false;
        if (runs && check == IsolationCheck.SNIPPET_INJECTION) {
            planted = plantCanary(run, settings);
        }
        Events.IsolationCheckStarted started = new Events.IsolationCheckStarted(clock.now(), gateway, check,
                plan.victim(), plan.attacker(), plan.bystanders(), settings);
        CheckEvents.Collector collector = new CheckEvents.Collector(started);
        AutoCloseable listening = journal.listen(collector::accept);
        journal.append(started);
        try {
            if (support.mode() == CheckSupport.Mode.CANNOT_RUN) {
                error(check + " cannot run on " + gateway + ": " + support.how());
            } else if (runs) {
                Procedure.ALL.get(check).run(run);
            }
        } catch (RuntimeException e) {
            error(check + " on " + gateway + " failed: " + e);
        } finally {
            finish(run, planted);
            closeQuietly(listening);
        }
        IsolationJudge.Judgement judgement = IsolationJudge.judge(collector.events(), plan.consecutiveSuccesses());
        Events.IsolationVerdict verdict = new Events.IsolationVerdict(clock.now(), gateway, check,
                judgement.verdict(), judgement.reason(), judgement.figures());
        journal.append(verdict);
        return verdict;
    }

    /** Plants the canary of snippet-injection; its path (or why there is none) goes into the check's settings. */
    private boolean plantCanary(CheckRun run, Map<String, String> settings) {
        String token = "gbc-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        settings.put("canaryToken", token);
        try {
            String file = surface.plantCanary(token).orElse(null);
            settings.put(IsolationJudge.CANARY_FILE, file == null ? "" : file);
            if (file == null) {
                settings.put("canaryNote", "the gateway offers no place for a canary file");
            }
            run.canary(token, file);
            return file != null;
        } catch (RuntimeException e) {
            settings.put(IsolationJudge.CANARY_FILE, "");
            settings.put("canaryNote", "planting failed: " + e.getMessage());
            run.canary(token, null);
            return false;
        }
    }

    private void finish(CheckRun run, boolean planted) {
        try {
            run.cleanup();
            if (planted) {
                surface.removeCanary();
            }
        } catch (RuntimeException e) {
            journal.append(new Events.Note(clock.now(), NoteLevel.WARNING, gateway,
                    "cleaning up after an isolation check: " + e.getMessage()));
        }
    }

    private void error(String message) {
        journal.append(new Events.Note(clock.now(), NoteLevel.ERROR, gateway, message));
    }

    private static void closeQuietly(AutoCloseable listening) {
        try {
            listening.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail in a way that matters
        }
    }
}
