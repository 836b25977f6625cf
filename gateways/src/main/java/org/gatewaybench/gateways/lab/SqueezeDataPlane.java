package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.process.ChildProcesses;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;

/**
 * The soft address-space limit (RLIMIT_AS) of every running data-plane process is lowered with
 * {@code prlimit}, so growth fails: an nginx reload cannot parse a bigger config, an HAProxy
 * worker cannot grow its maps. Processes started later (new nginx workers) inherit the master's
 * limit. Heal: the old limits back.
 */
final class SqueezeDataPlane extends LabFault {

    SqueezeDataPlane() {
        super(FaultAction.SQUEEZE, FaultTarget.DATA_PLANE);
    }

    @Override
    public Fault inject(LabGateway gateway, FaultRequest request) {
        LabProcess process = gateway.labDataPlane().process();
        long master = process.pid();
        List<Long> tree = tree(master);
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
            throw new GatewayException(process.program() + " master " + master + " is gone: nothing to squeeze");
        }
        long limitBytes = request.memoryLimitBytes();
        for (long pid : before.keySet()) {
            unlessGone(pid, () -> prlimit(pid, Long.toString(limitBytes)));
        }
        return Fault.once("soft RLIMIT_AS of " + process.program() + " processes " + tree + " lowered to "
                + limitBytes + " bytes (was " + before.values() + ")", () -> {
            List<Long> restored = new ArrayList<>();
            // Restore every process the squeeze hit that still runs, and the workers forked since,
            // which inherited the low limit from the master.
            List<Long> now = new ArrayList<>(before.keySet());
            if (process.pid() == master) {
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
        if (!alive(pid)) {
            return null;
        }
        try {
            return action.get();
        } catch (GatewayException e) {
            if (alive(pid)) {
                throw e;
            }
            return null;
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String runPrlimit(List<String> command) {
        try {
            Process p = ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true));
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
        } catch (IOException e) {
            throw new GatewayException("cannot run prlimit (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while running prlimit", e);
        }
    }
}
