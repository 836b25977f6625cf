package org.gatewaybench.gateways.lab.haproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * A real HAProxy (master-worker) whose routes change through the runtime API without a reload:
 * {@code add map}, {@code set map}, {@code del map} on the admin socket. The map file is rewritten
 * in step, so a restarted HAProxy loads every route the runtime API had.
 */
final class HaproxyDataPlane implements LabDataPlane {

    /** Paths go unquoted into the config, sample expressions and runtime commands. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path binary;
    private final ProcessSupervisor supervisor;
    private final HaproxyConfig config;
    private final HaproxyAdminSocket admin;
    private final Map<String, String> backendNames;
    private final String version;
    private volatile SupervisedProcess master;

    private HaproxyDataPlane(Path binary, ProcessSupervisor supervisor, HaproxyConfig config, String version) {
        this.binary = binary;
        this.supervisor = supervisor;
        this.config = config;
        this.admin = new HaproxyAdminSocket(config.adminSocket(), COMMAND_TIMEOUT);
        this.backendNames = config.backendNames();
        this.version = version;
    }

    /** Writes the config and an empty map, checks the config with {@code haproxy -c} and starts HAProxy. */
    static HaproxyDataPlane start(Path binary, ProcessSupervisor supervisor, HaproxyConfig config) {
        Path workDir = config.workDir().toAbsolutePath();
        if (!PLAIN_PATH.matcher(workDir.toString()).matches()) {
            throw new GatewayException("lab-haproxy-runtime needs a work folder whose path has only letters, digits"
                    + " and ._/- (HAProxy's map and socket paths are unquoted), found '" + workDir + "'");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new GatewayException("cannot create HAProxy's work folder " + workDir + ": " + e.getMessage(), e);
        }
        String version = Commands.versionOf(binary);
        HaproxyDataPlane plane = new HaproxyDataPlane(binary, supervisor, config, version);
        ConfigFiles.writeAtomically(config.file(), config.render());
        ConfigFiles.writeAtomically(config.mapFile(), "");
        Commands.Result check = Commands.run(List.of(binary.toString(), "-c", "-f", config.file().toString()),
                COMMAND_TIMEOUT);
        if (check.exitCode() != 0) {
            String alert = check.output().lines().filter(l -> l.contains("ALERT")).findFirst().orElse(check.lastLine());
            throw new GatewayException("haproxy rejected its config " + config.file() + ": " + alert.strip());
        }
        plane.startProcess();
        return plane;
    }

    @Override
    public String mechanism() {
        return "runtime-api";
    }

    @Override
    public String program() {
        return "haproxy";
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
        SupervisedProcess m = master;
        String worker = ProcessHandle.of(m.pid()).stream().flatMap(ProcessHandle::children)
                .map(h -> Long.toString(h.pid())).findFirst().orElse("none");
        return Map.of("version", version, "pid", Long.toString(m.pid()), "workerPid", worker,
                "config", config.file().toString(), "map", config.mapFile().toString());
    }

    @Override
    public synchronized ApplyOutcome apply(RouteTable table, List<RouteTable.EntryChange> changes, Runnable started)
            throws InterruptedException {
        ConfigFiles.writeAtomically(config.mapFile(), config.renderMap(table.entries()));
        String map = config.mapFile().toString();
        List<String> commands = new ArrayList<>(changes.size());
        for (RouteTable.EntryChange change : changes) {
            RouteTable.Entry e = change.entry();
            commands.add(switch (change.kind()) {
                case ADD -> "add map " + map + " " + e.key() + " " + backendNames.get(e.backend().id());
                case SET -> "set map " + map + " " + e.key() + " " + backendNames.get(e.backend().id());
                case DEL -> "del map " + map + " " + e.key();
            });
        }
        started.run();
        List<String> errors = admin.run(commands);
        if (!errors.isEmpty()) {
            return ApplyOutcome.failed(errors.size() + " of " + commands.size() + " map commands failed, first: "
                    + errors.get(0));
        }
        return ApplyOutcome.ok(commands.size() + " map commands");
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
        try {
            Files.deleteIfExists(config.adminSocket()); // a killed HAProxy leaves it behind
        } catch (IOException e) {
            // a stale socket file is harmless: the next HAProxy on this path replaces it
        }
    }

    private void startProcess() {
        SupervisedProcess started = supervisor.start("haproxy",
                List.of(binary.toString(), "-W", "-db", "-f", config.file().toString()), config.workDir());
        try {
            supervisor.awaitPort(started.pid(), config.port(), START_TIMEOUT);
            awaitAdminSocket(started.pid());
        } catch (FixtureException e) {
            supervisor.stop(started.pid());
            throw new GatewayException(e.getMessage(), e);
        } catch (InterruptedException e) {
            supervisor.stop(started.pid());
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while starting HAProxy", e);
        } catch (RuntimeException e) {
            supervisor.stop(started.pid());
            throw e;
        }
        master = started;
    }

    /** The worker serves the admin socket; it answers shortly after the frontend accepts. */
    private void awaitAdminSocket(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        GatewayException last;
        do {
            try {
                admin.run(List.of());
                return;
            } catch (GatewayException notYet) {
                last = notYet;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline && supervisor.isAlive(pid));
        throw new GatewayException("HAProxy (pid " + pid + ") did not answer on its admin socket: " + last.getMessage()
                + "; log: " + supervisor.logTail(pid));
    }
}
