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
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.fixtures.embedded.SupervisedProcess;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.lab.ApplyOutcome;
import org.gatewaybench.gateways.lab.Commands;
import org.gatewaybench.gateways.lab.ConfigFiles;
import org.gatewaybench.gateways.lab.LabDataPlane;
import org.gatewaybench.gateways.lab.RouteTable;

/**
 * A real nginx master started by the harness, reloaded like ingress-nginx reloads it: the full
 * config is rendered, then the master gets SIGHUP. The reload has taken effect when the master
 * has forked a new generation of workers and every old worker has stopped accepting; it failed
 * when the error log says [emerg].
 */
final class NginxDataPlane implements LabDataPlane {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(120);
    /** Parsing a config of tens of thousands of servers takes seconds; far beyond that is a hang. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 5;

    private final Path binary;
    private final ProcessSupervisor supervisor;
    private final NginxConfig config;
    private final String version;
    private volatile SupervisedProcess master;

    private NginxDataPlane(Path binary, ProcessSupervisor supervisor, NginxConfig config, String version) {
        this.binary = binary;
        this.supervisor = supervisor;
        this.config = config;
        this.version = version;
    }

    /** Writes the config for no routes, tests it with {@code nginx -t} and starts nginx on it. */
    static NginxDataPlane start(Path binary, ProcessSupervisor supervisor, NginxConfig config) {
        try {
            Files.createDirectories(config.workDir().resolve("tmp"));
        } catch (IOException e) {
            throw new GatewayException("cannot create nginx's work folder " + config.workDir() + ": " + e.getMessage(), e);
        }
        String version = Commands.versionOf(binary);
        NginxDataPlane plane = new NginxDataPlane(binary, supervisor, config, version);
        ConfigFiles.writeAtomically(config.file(), config.render(new TreeMap<>()));
        Commands.Result test = Commands.run(plane.command("-t"), TEST_TIMEOUT);
        if (test.exitCode() != 0) {
            String emerg = test.output().lines().filter(l -> l.contains("[emerg]")).findFirst().orElse(test.lastLine());
            throw new GatewayException("nginx rejected its config " + config.file() + ": " + emerg.strip());
        }
        plane.startProcess();
        return plane;
    }

    @Override
    public String mechanism() {
        return "reload";
    }

    @Override
    public String program() {
        return "nginx";
    }

    @Override
    public long pid() {
        return master.pid();
    }

    @Override
    public int port() {
        return config.port();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("version", version, "pid", Long.toString(master.pid()), "config", config.file().toString(),
                "workerProcesses", Integer.toString(config.workerProcesses()));
    }

    @Override
    public synchronized ApplyOutcome apply(RouteTable table, List<RouteTable.EntryChange> changes, Runnable started)
            throws InterruptedException {
        ConfigFiles.writeAtomically(config.file(), config.render(table.byHost()));
        long masterPid = master.pid();
        Set<Long> before = workers(masterPid);
        long logOffset = size(config.errorLog());
        supervisor.signal(masterPid, "HUP");
        started.run();
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (true) {
            Set<Long> fresh = workers(masterPid);
            fresh.removeAll(before);
            if (fresh.size() >= config.workerProcesses() && before.stream().allMatch(NginxDataPlane::retired)) {
                return ApplyOutcome.ok("new workers " + fresh);
            }
            String emerg = emergencySince(logOffset);
            if (emerg != null) {
                return ApplyOutcome.failed("nginx refused the reload: " + emerg);
            }
            if (!supervisor.isAlive(masterPid)) {
                return ApplyOutcome.failed("nginx master " + masterPid + " exited: " + supervisor.logTail(masterPid));
            }
            if (System.nanoTime() > deadline) {
                return ApplyOutcome.failed("no new nginx worker within " + RELOAD_TIMEOUT.toSeconds() + "s of SIGHUP");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public synchronized void restart() {
        supervisor.stop(master.pid());
        startProcess();
    }

    @Override
    public void close() {
        SupervisedProcess m = master;
        if (m != null) {
            supervisor.stop(m.pid());
        }
    }

    private void startProcess() {
        SupervisedProcess started = supervisor.start("nginx", command("-g", "daemon off;"), config.workDir());
        try {
            supervisor.awaitPort(started.pid(), config.port(), START_TIMEOUT);
        } catch (FixtureException e) {
            supervisor.stop(started.pid());
            throw new GatewayException(e.getMessage(), e);
        }
        master = started;
    }

    private List<String> command(String... extra) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", config.workDir().toString(),
                "-c", config.file().toString(), "-e", config.errorLog().toString()));
        command.addAll(List.of(extra));
        return command;
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
