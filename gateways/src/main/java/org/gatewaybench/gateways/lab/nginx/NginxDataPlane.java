package org.gatewaybench.gateways.lab.nginx;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.lab.ApplyOutcome;
import org.gatewaybench.gateways.lab.ConfigFiles;
import org.gatewaybench.gateways.lab.DataPlaneBinary;
import org.gatewaybench.gateways.lab.LabDataPlane;
import org.gatewaybench.gateways.lab.LabProcess;
import org.gatewaybench.gateways.lab.RouteTable;

/**
 * A real nginx master started by the harness, reloaded like ingress-nginx reloads it: the full
 * config is rendered, then the master gets SIGHUP. The reload has taken effect when the master
 * has forked a new generation of workers and every old worker has stopped accepting; it failed
 * when the error log says [emerg].
 */
final class NginxDataPlane implements LabDataPlane {

    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(120);
    /** Parsing a config of tens of thousands of servers takes seconds; far beyond that is a hang. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration START_WORKERS = Duration.ofSeconds(30);

    private final NginxConfig config;
    private final String version;
    private final LabProcess process;

    private NginxDataPlane(NginxConfig config, String version, LabProcess process) {
        this.config = config;
        this.version = version;
        this.process = process;
    }

    /** Writes the config for no routes, tests it with {@code nginx -t} and starts nginx on it. */
    static NginxDataPlane start(DataPlaneBinary binary, ProcessSupervisor supervisor, NginxConfig config) {
        try {
            Files.createDirectories(config.workDir().resolve("tmp"));
        } catch (IOException e) {
            throw new GatewayException(IoErrors.describe("create nginx's work folder", config.workDir(), e), e);
        }
        String version = binary.version();
        ConfigFiles.writeAtomically(config.file(), config.render(new TreeMap<>()));
        binary.check(arguments(config, "-t"), "[emerg]", config.file(), TEST_TIMEOUT);
        List<String> command = new ArrayList<>(List.of(binary.path().toString()));
        command.addAll(arguments(config, "-g", "daemon off;"));
        LabProcess process = new LabProcess("nginx", supervisor, command, config.workDir(), config.port(),
                pid -> awaitWorkers(supervisor, pid, config.workerProcesses()));
        process.start();
        return new NginxDataPlane(config, version, process);
    }

    @Override
    public String mechanism() {
        return "reload";
    }

    @Override
    public LabProcess process() {
        return process;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("version", version, "pid", Long.toString(process.pid()), "config", config.file().toString(),
                "workerProcesses", Integer.toString(config.workerProcesses()));
    }

    @Override
    public synchronized ApplyOutcome apply(RouteTable table, List<RouteTable.EntryChange> changes, Runnable started)
            throws InterruptedException {
        ConfigFiles.writeAtomically(config.file(), config.render(table.byHost()));
        long masterPid = process.pid();
        Set<Long> before = workers(masterPid);
        long logOffset = size(config.errorLog());
        ProcessSupervisor supervisor = process.supervisor();
        supervisor.signal(masterPid, "HUP");
        started.run();
        try {
            Set<Long> fresh = Wait.of("a new generation of nginx workers after SIGHUP", RELOAD_TIMEOUT).every(POLL)
                    .abortWhen(() -> emergencySince(logOffset) != null || !supervisor.isAlive(masterPid),
                            () -> "")
                    .until(() -> newWorkers(masterPid, before),
                            w -> w.size() >= config.workerProcesses() && before.stream().allMatch(NginxDataPlane::retired));
            return ApplyOutcome.ok("new workers " + fresh);
        } catch (Wait.Timeout e) {
            if (Thread.interrupted()) {
                throw new InterruptedException(e.getMessage());
            }
            String emerg = emergencySince(logOffset);
            if (emerg != null) {
                return ApplyOutcome.failed("nginx refused the reload: " + emerg);
            }
            if (!supervisor.isAlive(masterPid)) {
                return ApplyOutcome.failed("nginx master " + masterPid + " exited: " + supervisor.logTail(masterPid));
            }
            return ApplyOutcome.failed(e.getMessage());
        }
    }

    @Override
    public synchronized void restart() {
        process.restart();
    }

    @Override
    public void close() {
        process.stop();
    }

    /**
     * nginx accepts on its port before its workers run: the first reload must not take those
     * workers, still being forked, for the new generation. Ready when all of them are.
     */
    private static void awaitWorkers(ProcessSupervisor supervisor, long master, int count) {
        Wait.of(count + " nginx workers of master " + master, START_WORKERS).every(POLL)
                .abortWhen(() -> !supervisor.isAlive(master), () -> "the master exited; log: " + supervisor.logTail(master))
                .failWith(GatewayException::new)
                .until(() -> workers(master).stream().filter(NginxDataPlane::serving).count(), n -> n >= count);
    }

    /** Whether {@code pid} is an nginx worker that took its title (and so serves). */
    private static boolean serving(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).startsWith("nginx: worker process");
        } catch (IOException gone) {
            return false;
        }
    }

    private static List<String> arguments(NginxConfig config, String... extra) {
        List<String> args = new ArrayList<>(List.of("-p", config.workDir().toString(), "-c", config.file().toString(),
                "-e", config.errorLog().toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static Set<Long> newWorkers(long masterPid, Set<Long> before) {
        Set<Long> fresh = workers(masterPid);
        fresh.removeAll(before);
        return fresh;
    }

    private static Set<Long> workers(long masterPid) {
        return ProcessHandle.of(masterPid).stream().flatMap(ProcessHandle::children).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * Whether an old worker no longer accepts: it exited, or it took the master's QUIT (nginx
     * retitles it "is shutting down" and closes its listeners at once). Until then an old worker
     * still answers new connections with the old config.
     */
    private static boolean retired(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).contains("shutting down");
        } catch (IOException gone) {
            return true;
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The first [emerg] line nginx wrote after {@code offset}, or null. */
    private String emergencySince(long offset) {
        Path log = config.errorLog();
        if (size(log) <= offset) {
            return null;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> l.contains("[emerg]"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
