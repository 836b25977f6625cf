package org.gatewaybench.gateways.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.fixtures.embedded.SupervisedProcess;
import org.gatewaybench.gateways.GatewayException;

/**
 * The master process of a lab data plane: started by the fixture's supervisor from a command, ready
 * when its port accepts (and, where the program needs more, when {@code ready} passes), restarted
 * from its config on disk, stopped by its PID. The data planes compose one; what differs between
 * them (configs, reloads, runtime APIs) stays in their classes.
 */
public final class LabProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** A further readiness check after the port accepts (HAProxy's admin socket). */
    @FunctionalInterface
    public interface Readiness {
        /** Returns when {@code pid} is ready; throws a GatewayException saying why when it will not be. */
        void await(long pid);
    }

    private final String program;
    private final ProcessSupervisor supervisor;
    private final List<String> command;
    private final Path workDir;
    private final int port;
    private final Readiness ready;
    private volatile SupervisedProcess master;

    public LabProcess(String program, ProcessSupervisor supervisor, List<String> command, Path workDir, int port,
                      Readiness ready) {
        this.program = program;
        this.supervisor = supervisor;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.port = port;
        this.ready = ready;
    }

    /** Starts the program and returns when it is ready; whatever started is stopped if it is not. */
    public synchronized void start() {
        SupervisedProcess started = supervisor.start(program, command, workDir);
        try {
            supervisor.awaitPort(started.pid(), port, START_TIMEOUT);
            ready.await(started.pid());
        } catch (FixtureException e) {
            supervisor.stop(started.pid());
            throw new GatewayException(e.getMessage(), e);
        } catch (RuntimeException e) {
            supervisor.stop(started.pid());
            throw e;
        }
        master = started;
    }

    /** Stops the program and starts it again from its configuration on disk. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the program (and its workers) by its PID; nothing when it never started. */
    public synchronized void stop() {
        SupervisedProcess m = master;
        if (m != null) {
            supervisor.stop(m.pid());
        }
    }

    /** The PID of the running master (it changes with every restart). */
    public long pid() {
        return master.pid();
    }

    public String program() {
        return program;
    }

    public int port() {
        return port;
    }

    /** The supervisor that started it: signals go through it, and only to what it started. */
    public ProcessSupervisor supervisor() {
        return supervisor;
    }
}
