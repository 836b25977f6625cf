package org.gatewaybench.gateways.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayException;

/**
 * Faults of a lab gateway, each with its heal.
 * <ul>
 * <li>data plane, kill: SIGKILL to the master and every worker (like a container's processes
 *     dying together; nginx workers outlive a killed master otherwise); heal: start it again
 *     from its configuration on disk.</li>
 * <li>data plane, freeze: SIGSTOP to the master and every worker; heal: SIGCONT.</li>
 * <li>data plane, squeeze: the soft address-space limit (RLIMIT_AS) of every running process is
 *     lowered with {@code prlimit}, so growth fails: an nginx reload cannot parse a bigger
 *     config, an HAProxy worker cannot grow its maps; heal: the old limits back. Processes
 *     started later (new nginx workers) inherit the master's limit.</li>
 * <li>controller, kill: the controller stops as a crash would; heal: a fresh controller that
 *     resyncs from the route store.</li>
 * <li>controller, freeze: the controller applies nothing; heal: it applies everything that came.</li>
 * <li>controller, partition: the route store delivers no watch event; heal: it delivers them all.</li>
 * </ul>
 */
final class LabFaults implements FaultInjector {

    private final LabGateway gateway;
    private final ProcessSupervisor processes;

    LabFaults(LabGateway gateway, ProcessSupervisor processes) {
        this.gateway = gateway;
        this.processes = processes;
    }

    @Override
    public Set<FaultAction> supported(FaultTarget target) {
        return LabInstall.faults(FixtureKind.EMBEDDED, target);
    }

    @Override
    public Fault inject(FaultRequest request) {
        if (!supported(request.target()).contains(request.action())) {
            throw new GatewayException(gateway.name() + " cannot " + request.describe() + " in the lab: it supports "
                    + supported(request.target()) + " against the " + request.target().word());
        }
        return switch (request.target()) {
            case DATA_PLANE -> switch (request.action()) {
                case KILL -> killDataPlane();
                case FREEZE -> freezeDataPlane();
                case SQUEEZE -> squeezeDataPlane(request.memoryLimitBytes());
                default -> throw new IllegalStateException("unreachable: " + request.describe());
            };
            case CONTROLLER -> switch (request.action()) {
                case KILL -> killController();
                case FREEZE -> freezeController();
                case PARTITION -> partitionController();
                default -> throw new IllegalStateException("unreachable: " + request.describe());
            };
            case NODE -> throw new IllegalStateException("unreachable: " + request.describe());
        };
    }

    private Fault killDataPlane() {
        LabDataPlane plane = gateway.labDataPlane();
        long master = plane.pid();
        List<Long> workers = descendants(master);
        processes.signal(master, "KILL");
        for (long worker : workers) {
            signalQuietly(worker, "KILL");
        }
        String program = plane.program();
        return Fault.once("SIGKILL " + program + " master " + master + " and workers " + workers, () -> {
            try {
                gateway.restartDataPlane();
            } catch (RuntimeException e) {
                throw new GatewayException(program + " did not start again: " + e.getMessage(), e);
            }
            return "started " + program + " again from its config on disk, master " + plane.pid();
        });
    }

    private Fault freezeDataPlane() {
        LabDataPlane plane = gateway.labDataPlane();
        long master = plane.pid();
        List<Long> tree = new ArrayList<>();
        tree.add(master);
        tree.addAll(descendants(master));
        for (long pid : tree) {
            processes.signal(pid, "STOP");
        }
        return Fault.once("SIGSTOP " + plane.program() + " processes " + tree, () -> {
            for (long pid : tree) {
                signalQuietly(pid, "CONT");
            }
            return "SIGCONT " + tree;
        });
    }

    private Fault squeezeDataPlane(long limitBytes) {
        LabDataPlane plane = gateway.labDataPlane();
        long master = plane.pid();
        List<Long> tree = new ArrayList<>();
        tree.add(master);
        tree.addAll(descendants(master));
        // Old workers of a reloading nginx exit at any moment: one gone by the time prlimit reaches it
        // needs no squeeze (the master must be there).
        Map<Long, String> before = new LinkedHashMap<>();
        for (long pid : tree) {
            String limit = unlessGone(pid, () -> softAddressSpaceLimit(pid));
            if (limit != null) {
                before.put(pid, limit);
            }
        }
        if (!before.containsKey(master)) {
            throw new GatewayException(plane.program() + " master " + master + " is gone: nothing to squeeze");
        }
        for (long pid : before.keySet()) {
            unlessGone(pid, () -> prlimit(pid, Long.toString(limitBytes)));
        }
        return Fault.once("soft RLIMIT_AS of " + plane.program() + " processes " + tree + " lowered to " + limitBytes
                + " bytes (was " + before.values() + ")", () -> {
            List<Long> restored = new ArrayList<>();
            // Restore every process the squeeze hit that still runs, and the workers forked since,
            // which inherited the low limit from the master.
            List<Long> now = new ArrayList<>(before.keySet());
            if (plane.pid() == master) {
                descendants(master).stream().filter(p -> !now.contains(p)).forEach(now::add);
            }
            String masterBefore = before.get(master);
            for (long pid : now) {
                if (unlessGone(pid, () -> prlimit(pid, before.getOrDefault(pid, masterBefore))) != null) {
                    restored.add(pid);
                }
            }
            return "soft RLIMIT_AS restored for " + restored;
        });
    }

    private Fault killController() {
        gateway.stopController();
        return Fault.once("controller stopped: no watch, no apply, its memory gone", () -> {
            gateway.startFreshController();
            return "a fresh controller started and resynced from the route store";
        });
    }

    private Fault freezeController() {
        LabController controller = gateway.controller();
        controller.pause();
        return Fault.once("controller paused: it applies nothing", () -> {
            controller.resume();
            return "controller resumed";
        });
    }

    private Fault partitionController() {
        gateway.routeStore().holdWatches();
        return Fault.once("route store holds every watch event back from the controller", () -> {
            gateway.routeStore().releaseWatches();
            return "route store delivers watch events again";
        });
    }

    private void signalQuietly(long pid, String signal) {
        try {
            processes.signal(pid, signal);
        } catch (FixtureException gone) {
            // The process exited between listing and signalling: nothing left to signal.
        }
    }

    private static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).toList();
    }

    /** The soft RLIMIT_AS of {@code pid} as prlimit prints it: a number or "unlimited". */
    private static String softAddressSpaceLimit(long pid) {
        String out = runPrlimit(List.of("prlimit", "--pid", Long.toString(pid), "--as", "--output=SOFT",
                "--noheadings", "--raw")).strip();
        if (out.isEmpty()) {
            throw new GatewayException("prlimit printed no address-space limit for pid " + pid);
        }
        return out;
    }

    /**
     * Sets the soft RLIMIT_AS of {@code pid}, keeping its hard limit (so an unprivileged heal can raise
     * it again); returns prlimit's output.
     */
    private static String prlimit(long pid, String soft) {
        return runPrlimit(List.of("prlimit", "--pid", Long.toString(pid), "--as=" + soft + ":"));
    }

    /** What {@code action} returns, or null when it failed because process {@code pid} has exited. */
    private static String unlessGone(long pid, Supplier<String> action) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return null;
        }
        try {
            return action.get();
        } catch (GatewayException e) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw e;
            }
            return null;
        }
    }

    private static String runPrlimit(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GatewayException(String.join(" ", command) + " did not return within 5s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new GatewayException(String.join(" ", command) + " failed: " + out.strip()
                        + " (prlimit is in util-linux)");
            }
            return out;
        } catch (java.io.IOException e) {
            throw new GatewayException("cannot run prlimit (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while running prlimit", e);
        }
    }

}
