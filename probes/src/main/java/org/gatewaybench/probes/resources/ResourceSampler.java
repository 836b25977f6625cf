package org.gatewaybench.probes.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.resources.ProcessRole;
import org.gatewaybench.core.time.Stamp;

/**
 * Samples CPU and resident memory of one gateway component: a root process (nginx master, HAProxy
 * master) and every descendant, from /proc. Each call journals one {@link Events.ResourceSample}
 * per process and one {@link Events.ResourceSummary}. CPU is the share of one core used since the
 * previous sample of the same process (since its start for a process seen the first time).
 * The root may change between samples (a restarted data plane): give a supplier of the current
 * root pid. Not thread-safe: one sampler per component, called from one thread.
 */
public final class ResourceSampler {

    private final String gateway;
    private final String component;
    private final LongSupplier rootPid;
    private final Journal journal;
    private final Clock clock;
    private final long ticksPerSecond = ClockTicks.perSecond();
    private Map<Identity, Previous> previous = new HashMap<>();

    public ResourceSampler(String gateway, String component, long rootPid, Journal journal, Clock clock) {
        this(gateway, component, () -> rootPid, journal, clock);
        if (rootPid <= 0) {
            throw new IllegalArgumentException("root pid of " + component + " must be positive, found " + rootPid);
        }
    }

    /** A sampler of the process tree whose root {@code rootPid} names at each sample. */
    public ResourceSampler(String gateway, String component, LongSupplier rootPid, Journal journal, Clock clock) {
        this.gateway = gateway;
        this.component = component;
        this.rootPid = rootPid;
        this.journal = journal;
        this.clock = clock;
    }

    public String gateway() {
        return gateway;
    }

    public String component() {
        return component;
    }

    /** One sample of all processes of the component, journaled and returned. */
    public Snapshot sample() {
        Stamp at = clock.now();
        long root = rootPid.getAsLong();
        List<Long> pids = processIds(root);
        List<Events.ResourceSample> samples = new ArrayList<>();
        Map<Identity, Previous> seen = new HashMap<>();
        String rootCommandLine = "";
        double uptimeSeconds = -1;
        for (long pid : pids) {
            Optional<ProcStat> read = ProcStat.read(pid);
            if (read.isEmpty()) {
                continue; // exited between listing and reading
            }
            ProcStat stat = read.get();
            if (pid == root) {
                rootCommandLine = stat.commandLine();
            }
            Identity id = new Identity(pid, stat.startTicks());
            Previous before = previous.get(id);
            double cpuPercent;
            if (before != null) {
                cpuPercent = percentOfOneCore(stat.cpuTicks() - before.cpuTicks(), at.mono() - before.mono());
            } else {
                if (uptimeSeconds < 0) {
                    uptimeSeconds = uptimeSeconds();
                }
                double livedSeconds = uptimeSeconds - (double) stat.startTicks() / ticksPerSecond;
                cpuPercent = percentOfOneCore(stat.cpuTicks(), (long) (livedSeconds * 1e9));
            }
            seen.put(id, new Previous(stat.cpuTicks(), at.mono()));
            ProcessRole role = ProcessTitles.role(stat.commandLine(), pid == root, rootCommandLine);
            samples.add(new Events.ResourceSample(at, gateway, component, pid, role, cpuPercent,
                    stat.rssBytes()));
        }
        previous = seen;
        samples.forEach(journal::append);
        Events.ResourceSummary summary = summarise(at, samples);
        journal.append(summary);
        return new Snapshot(List.copyOf(samples), summary);
    }

    private static List<Long> processIds(long rootPid) {
        Optional<ProcessHandle> root = rootPid > 0 ? ProcessHandle.of(rootPid) : Optional.empty();
        if (root.isEmpty()) {
            return List.of();
        }
        // The root first, so its command line is known when its children are classified.
        List<Long> pids = new ArrayList<>();
        pids.add(rootPid);
        root.get().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private double percentOfOneCore(long ticks, long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return ticks * 100.0 * 1e9 / ticksPerSecond / nanos;
    }

    private Events.ResourceSummary summarise(Stamp at, List<Events.ResourceSample> samples) {
        int workers = 0;
        int draining = 0;
        double cpu = 0;
        long rss = 0;
        for (Events.ResourceSample s : samples) {
            if (s.role() == ProcessRole.WORKER) {
                workers++;
            } else if (s.role() == ProcessRole.DRAINING_WORKER) {
                draining++;
            }
            cpu += s.cpuPercent();
            rss += s.rssBytes();
        }
        return new Events.ResourceSummary(at, gateway, component, samples.size(), workers, draining, cpu, rss);
    }

    private static double uptimeSeconds() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).trim();
            return Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/uptime: " + e.getMessage(), e);
        }
    }

    /** One sampling: every process, and the component's totals. */
    public record Snapshot(List<Events.ResourceSample> processes, Events.ResourceSummary summary) {

        /** The processes of one role. */
        public Stream<Events.ResourceSample> withRole(ProcessRole role) {
            return processes.stream().filter(p -> p.role().equals(role));
        }
    }

    /** A pid is reused by the kernel; with its start time it names one process. */
    private record Identity(long pid, long startTicks) {
    }

    private record Previous(long cpuTicks, long mono) {
    }
}
