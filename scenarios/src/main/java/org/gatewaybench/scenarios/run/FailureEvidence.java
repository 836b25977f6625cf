package org.gatewaybench.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.gateways.Gateway;

/**
 * Collects what explains a failure while it is still there, into {@code diagnostics/} of the run
 * folder: the fixture's evidence (in a cluster: events, pods, logs, nodes) and the gateway's (its
 * Helm release). Triggered by the run failing (install, the wait for the data plane, anything
 * thrown) and by findings in the journal: the first route of a gateway that never activated, a
 * fault that did not heal. Each collection is journaled ({@link Events.DiagnosticsCollected}); one
 * that finds nothing to write (the lab) leaves no trace. Findings are collected in the background
 * so the probe and the churn keep their pace; closing waits for a collection under way.
 */
final class FailureEvidence implements AutoCloseable {

    /** How long closing waits for a collection under way (logs of many pods take a while). */
    private static final long CLOSE_PATIENCE_SECONDS = 180;

    private final Path runDir;
    private final Fixture fixture;
    private final Journal journal;
    private final Clock clock;
    private final AtomicInteger collections = new AtomicInteger();
    private final Set<String> triggered = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gateway-bench-diagnostics");
        t.setDaemon(true);
        return t;
    });
    private volatile String running;
    private volatile Gateway installed;

    FailureEvidence(Path runDir, Fixture fixture, Journal journal, Clock clock) {
        this.runDir = runDir;
        this.fixture = fixture;
        this.journal = journal;
        this.clock = clock;
    }

    /** The part of the run of gateway {@code name} (its journal name) begins; its install is next. */
    void begin(String name) {
        running = name;
        installed = null;
    }

    /** The running gateway is installed: from now on its own evidence is collected too. */
    void installed(Gateway gateway) {
        installed = gateway;
    }

    /** The running gateway's part is over (uninstalled). */
    void end() {
        running = null;
        installed = null;
    }

    /** Watches the journal for findings; must be quick, so collecting happens in the background. */
    void onEvent(Event event) {
        if (event instanceof Events.ProbeGaveUp gaveUp && triggered.add(gaveUp.gateway() + " never-activated")) {
            later(gaveUp.gateway(), "route " + gaveUp.route() + " never reached " + gaveUp.expect()
                    + " (the first of this gateway)");
        } else if (event instanceof Events.FaultHealed healed && !healed.ok()
                && triggered.add(healed.gateway() + " fault " + healed.fault())) {
            later(healed.gateway(), "fault " + healed.fault() + " did not heal: " + healed.detail());
        }
    }

    private void later(String gateway, String reason) {
        Function<Path, List<Path>> part = gatewayPart(gateway);
        try {
            background.execute(() -> collect(gateway, reason, part));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the run is being torn down and its own failure, if any, was collected.
        }
    }

    /**
     * Collects now, in this thread: the run failed with {@code reason} and is about to be torn
     * down. Nothing when this very failure was collected already (by a driver, before its rollback).
     */
    void now(String reason) {
        String gateway = running;
        if (triggered.add(gateway + " " + reason)) {
            collect(gateway, reason, gatewayPart(gateway));
        }
    }

    /** Collects now with the running gateway's part given: a driver whose install failed, before it rolls back. */
    void now(String reason, Function<Path, List<Path>> gatewayPart) {
        String gateway = running;
        if (triggered.add(gateway + " " + reason)) {
            collect(gateway, reason, gatewayPart);
        }
    }

    /** The installed gateway's evidence when {@code gateway} (its journal name) is the one running now. */
    private Function<Path, List<Path>> gatewayPart(String gateway) {
        Gateway now = installed;
        return now != null && gateway != null && gateway.equals(running) ? now::collectDiagnostics : dir -> List.of();
    }

    private synchronized void collect(String gateway, String reason, Function<Path, List<Path>> gatewayPart) {
        // A repetition's journal name (a#2) without '#', which would end a link to the folder.
        String folder = "diagnostics/" + String.format("%02d", collections.incrementAndGet())
                + (gateway == null ? "" : "-" + gateway.replace(Repetition.SEPARATOR, '-'));
        Path dir = runDir.resolve(folder);
        List<Path> files = new ArrayList<>();
        files.addAll(safely(() -> fixture.collectDiagnostics(dir)));
        files.addAll(safely(() -> gatewayPart.apply(dir)));
        if (files.isEmpty()) {
            deleteIfEmpty(dir);
            return;
        }
        journal.append(new Events.DiagnosticsCollected(clock.now(), gateway, reason, folder,
                files.stream().map(f -> runDir.relativize(f).toString().replace('\\', '/')).sorted().toList()));
    }

    /** A collector that throws despite its promise must not end the run or hide the run's own failure. */
    private static List<Path> safely(java.util.function.Supplier<List<Path>> part) {
        try {
            return part.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
            Files.deleteIfExists(dir.getParent());
        } catch (IOException e) {
            // Not empty: something else is in there, keep it.
        }
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(CLOSE_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // Teardown goes on; whoever interrupted still sees it.
            Thread.currentThread().interrupt();
        }
    }
}
