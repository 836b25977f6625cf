package org.gatewaybench.core.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one way the harness starts a program (nginx, HAProxy, wrk, the short commands that reload or
 * signal them): in a session of its own ({@code setsid}), so that it and everything it forks can be
 * found again by session id, and watched by this JVM's {@link Reaper}, which kills what is left of
 * every watched session when the JVM is gone, also after SIGKILL or the OOM killer. Observers (the
 * run ledger) hear of every start and of every session that has ended.
 *
 * <p>Why a reaper and not {@code PR_SET_PDEATHSIG} ({@code setpriv --pdeathsig}): that signal fires
 * when the <em>thread</em> that started the child ends, and Java starts processes from whatever
 * thread asks (pool threads come and go); and it reaches only the child, not the nginx workers it
 * forks. A session id reaches those too, and the reaper's pipe closes whenever the JVM ends.
 */
public final class ChildProcesses {

    /** Hears of the processes this JVM starts. Called on the starting thread or a pool thread: must be quick. */
    public interface Observer {
        /** {@code leader} was started, running {@code program}, as the leader of a new session. */
        void started(ProcessIdentity leader, String program);

        /** Nothing of {@code leader}'s session runs any more. */
        void ended(ProcessIdentity leader);
    }

    private static final ChildProcesses INSTANCE = new ChildProcesses();
    private static final long SESSION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SESSION_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Reaper reaper = new Reaper();
    private final Map<Long, ProcessIdentity> watched = new ConcurrentHashMap<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    /** Sessions whose leader exited while processes of theirs still ran (an nginx master killed by a fault). */
    private final Map<Long, ProcessIdentity> lingering = new ConcurrentHashMap<>();
    private final ScheduledExecutorService recheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "child-processes-recheck");
        t.setDaemon(true);
        return t;
    });

    private ChildProcesses() {
        recheck.scheduleWithFixedDelay(this::recheckLingering, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts {@code builder}'s command as the leader of a new session, watched by the reaper. Fails
     * like {@link ProcessBuilder#start()} when the program cannot be run.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        return INSTANCE.launch(builder);
    }

    /** Adds an observer; closing the returned handle removes it. */
    public static AutoCloseable observe(Observer observer) {
        INSTANCE.observers.add(observer);
        return () -> INSTANCE.observers.remove(observer);
    }

    /** The session leaders started and not yet ended. */
    public static List<ProcessIdentity> watched() {
        return List.copyOf(INSTANCE.watched.values());
    }

    /** The pid of this JVM's reaper (started if it is not running). */
    public static long reaperPid() {
        return INSTANCE.reaper.pid(INSTANCE.watched.values());
    }

    private Process launch(ProcessBuilder builder) throws IOException {
        List<String> command = builder.command();
        String program = command.get(0);
        // setsid reports a missing program only after it started; find it first, as ProcessBuilder would.
        if (executable(program, builder.directory()).isEmpty()) {
            throw new IOException("Cannot run program \"" + program + "\": error=2, No such file or directory");
        }
        List<String> inSession = new ArrayList<>(command.size() + 1);
        inSession.add("setsid");
        inSession.addAll(command);
        Process process;
        try {
            builder.command(inSession);
            process = builder.start();
        } finally {
            builder.command(command);
        }
        awaitOwnSession(process, program);
        // A process that ended already and was collected needs no watching.
        Optional<ProcessIdentity> leader = ProcessIdentity.of(process.pid());
        if (leader.isPresent()) {
            ProcessIdentity id = leader.get();
            watched.put(id.pid(), id);
            try {
                reaper.watch(id, watched.values());
            } catch (UncheckedIOException e) {
                // Unwatched, it could outlive this JVM: it does not run at all.
                watched.remove(id.pid());
                process.destroyForcibly();
                throw e.getCause();
            }
            String name = Path.of(program).getFileName().toString();
            observers.forEach(o -> o.started(id, name));
            process.onExit().thenRun(() -> leaderExited(id));
        }
        return process;
    }

    /**
     * setsid calls setsid(2) in the child after {@link ProcessBuilder#start} has returned: wait until
     * it has, so that what the reaper and the ledger go by (the session id) holds from here on, and a
     * caller that signals or inspects the session at once finds it.
     */
    private static void awaitOwnSession(Process process, String program) throws IOException {
        long deadline = System.nanoTime() + SESSION_TIMEOUT_NANOS;
        while (true) {
            Optional<StatLine> stat = StatLine.read(process.pid());
            if (stat.isEmpty() || stat.get().exited() || stat.get().session() == process.pid()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new IOException("\"" + program + "\" (pid " + process.pid() + ") did not lead a session of its "
                        + "own within 5 s of its start (setsid)");
            }
            LockSupport.parkNanos(SESSION_POLL_NANOS);
        }
    }

    private void leaderExited(ProcessIdentity leader) {
        if (ProcessTable.now().sessionOf(leader).isEmpty()) {
            end(leader);
        } else {
            lingering.put(leader.pid(), leader);
        }
    }

    private void recheckLingering() {
        if (lingering.isEmpty()) {
            return;
        }
        ProcessTable table = ProcessTable.now();
        for (ProcessIdentity leader : List.copyOf(lingering.values())) {
            if (table.sessionOf(leader).isEmpty()) {
                lingering.remove(leader.pid());
                end(leader);
            }
        }
    }

    private void end(ProcessIdentity leader) {
        if (watched.remove(leader.pid(), leader)) {
            reaper.release(leader, watched.values());
            observers.forEach(o -> o.ended(leader));
        }
    }

    private static Optional<Path> executable(String program, File directory) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            if (!path.isAbsolute() && directory != null) {
                path = directory.toPath().resolve(path);
            }
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
