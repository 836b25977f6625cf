package org.gatewaybench.gateways.lab.haproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointKind;
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
 * A real HAProxy (master-worker) whose routes change through the runtime API without a reload:
 * {@code add map}, {@code set map}, {@code del map} on the admin socket. The map file is rewritten
 * in step, so a restarted HAProxy loads every route the runtime API had.
 */
final class HaproxyDataPlane implements LabDataPlane {

    /** Paths go unquoted into the config, sample expressions and runtime commands. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final HaproxyConfig config;
    private final HaproxyAdminSocket admin;
    private final Map<String, String> backendNames;
    private final String version;
    private final LabProcess process;
    private final Runnable afterClose;

    private HaproxyDataPlane(HaproxyConfig config, HaproxyAdminSocket admin, String version, LabProcess process,
                             Runnable afterClose) {
        this.config = config;
        this.admin = admin;
        this.backendNames = config.backendNames();
        this.version = version;
        this.process = process;
        this.afterClose = afterClose;
    }

    /**
     * Writes the config and an empty map, checks the config with {@code haproxy -c} and starts HAProxy;
     * {@code afterClose} runs once it is stopped (releases the runtime API's port).
     */
    static HaproxyDataPlane start(DataPlaneBinary binary, ProcessSupervisor supervisor, HaproxyConfig config,
                                  Runnable afterClose) {
        Path workDir = config.workDir().toAbsolutePath();
        if (!PLAIN_PATH.matcher(workDir.toString()).matches()) {
            throw new GatewayException("lab-haproxy-runtime needs a work folder whose path has only letters, digits"
                    + " and ._/- (HAProxy's map and socket paths are unquoted), found '" + workDir + "'");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new GatewayException(IoErrors.describe("create HAProxy's work folder", workDir, e), e);
        }
        String version = binary.version();
        ConfigFiles.writeAtomically(config.file(), config.render());
        ConfigFiles.writeAtomically(config.mapFile(), "");
        binary.check(List.of("-c", "-f", config.file().toString()), "ALERT", config.file(), COMMAND_TIMEOUT);
        HaproxyAdminSocket admin = new HaproxyAdminSocket(config.runtimeApi(), COMMAND_TIMEOUT);
        LabProcess process = new LabProcess("haproxy", supervisor,
                List.of(binary.path().toString(), "-W", "-db", "-f", config.file().toString()), config.workDir(),
                config.port(), pid -> awaitAdminSocket(admin, supervisor, pid));
        process.start();
        return new HaproxyDataPlane(config, admin, version, process, afterClose);
    }

    @Override
    public String mechanism() {
        return "runtime-api";
    }

    @Override
    public LabProcess process() {
        return process;
    }

    @Override
    public Map<String, String> details() {
        long master = process.pid();
        String worker = ProcessHandle.of(master).stream().flatMap(ProcessHandle::children)
                .map(h -> Long.toString(h.pid())).findFirst().orElse("none");
        return Map.of("version", version, "pid", Long.toString(master), "workerPid", worker,
                "config", config.file().toString(), "map", config.mapFile().toString(),
                "runtimeApi", config.runtimeApiAddress());
    }

    /** The runtime API: whoever reaches it can change every tenant's routes. */
    @Override
    public List<ControlEndpoint> controlEndpoints() {
        return List.of(new ControlEndpoint("runtime-api", EndpointKind.ADMIN, config.runtimeApiAddress(),
                ControlEndpoint.Read.LINE, "show version"));
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
            // A bad entry fails alone: the other commands of the session took effect.
            return ApplyOutcome.failed("the runtime API answered " + commands.size() + " map commands with "
                    + errors.size() + " error lines, first: " + errors.get(0));
        }
        return ApplyOutcome.ok(commands.size() + " map commands");
    }

    @Override
    public synchronized void restart() {
        process.restart();
    }

    @Override
    public void close() {
        process.stop();
        afterClose.run();
        try {
            Files.deleteIfExists(config.adminSocket()); // a killed HAProxy leaves it behind
        } catch (IOException e) {
            // a stale socket file is harmless: the next HAProxy on this path replaces it
        }
    }

    /** The worker serves the admin socket; it answers shortly after the frontend accepts. */
    private static void awaitAdminSocket(HaproxyAdminSocket admin, ProcessSupervisor supervisor, long pid) {
        Wait.of("HAProxy (pid " + pid + ") to answer on its admin socket", START_TIMEOUT)
                .every(Duration.ofMillis(20)).ignoringErrors()
                .abortWhen(() -> !supervisor.isAlive(pid), () -> "it exited; log: " + supervisor.logTail(pid))
                .failWith((message, cause) -> new GatewayException(message + "; log: " + supervisor.logTail(pid), cause))
                .until(() -> {
                    try {
                        admin.run(List.of());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new GatewayException("interrupted while waiting for HAProxy's admin socket", e);
                    }
                    return true;
                });
    }
}
