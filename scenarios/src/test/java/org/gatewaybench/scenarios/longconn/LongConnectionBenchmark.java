package org.gatewaybench.scenarios.longconn;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.ObservedJournal;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.embedded.SupervisedProcess;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.backend.BackendMain;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.probes.longconn.LongConnectionProbe;

/**
 * The long-connection probe's capacity benchmark (not part of the test suite): one JVM holds N
 * WebSocket connections through lab-haproxy-runtime at one message per second each; reports heap,
 * CPU and how long after a SIGKILL of the data plane every drop is journaled. The backend runs as
 * its own process, so the heap is the probe's. Run from the worktree after {@code mvn -o -pl
 * scenarios -am test-compile}:
 * <pre>
 * mvn -q -o -pl scenarios dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * bash -c 'ulimit -n 65536; java -Xmx512m -cp scenarios/target/test-classes:scenarios/target/classes:\
 * probes/target/classes:gateways/target/classes:cluster-fixtures/target/classes:core/target/classes:\
 * core/target/test-classes:$(cat /tmp/cp.txt) org.gatewaybench.scenarios.longconn.LongConnectionBenchmark 10000 60'
 * </pre>
 * HAProxy needs two descriptors per connection, hence the raised descriptor limit.
 */
public final class LongConnectionBenchmark {

    private LongConnectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steadySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("longconn-bench");
        RecordingJournal recording = new RecordingJournal();
        ObservedJournal journal = new ObservedJournal(recording);
        int backendPort;
        try (Socket probeFree = new Socket()) {
            probeFree.bind(new InetSocketAddress("127.0.0.1", 0));
            backendPort = probeFree.getLocalPort();
        }
        Process backend = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackendMain.class.getName(),
                "--id", "b0", "--bind", "127.0.0.1", "--port", Integer.toString(backendPort))
                .redirectErrorStream(true).redirectOutput(dir.resolve("backend.log").toFile()).start();
        EmbeddedFixture fixture = new EmbeddedFixture(dir.resolve("lab"));
        fixture.start();
        Gateway gateway = null;
        LongConnectionProbe probe = null;
        try {
            awaitPort(backendPort);
            Backend b0 = new Backend("b0", "127.0.0.1", backendPort);
            gateway = GatewayCatalog.find("lab-haproxy-runtime").orElseThrow().install(new InstallContext(fixture,
                    journal, Clock.SYSTEM, Map.of(), List.of(b0), dir.resolve("haproxy")));
            Route stable = new Route(RouteKey.parse("t0001/stable"), "stable.t0001.test", "/", b0, 1);
            gateway.routes().create(stable);
            Thread.sleep(1000);
            var settings = new LongConnectionProbe.Settings(Map.of(ConnectionKind.WEBSOCKET, connections),
                    Duration.ofSeconds(1), List.of(stable), Duration.ofSeconds(10), Duration.ofMillis(200),
                    Duration.ofSeconds(5));
            probe = new LongConnectionProbe(gateway.name(), gateway.dataPlane(), settings, journal, Clock.SYSTEM, 2);
            long rampStart = System.nanoTime();
            probe.start();
            long deadline = rampStart + TimeUnit.MINUTES.toNanos(3);
            int lastOpen = -1;
            long lastGrowth = System.nanoTime();
            // Until all are open, or the count has not grown for 15 s (a data plane at its connection limit).
            while (probe.openTotal() < connections && System.nanoTime() < deadline
                    && System.nanoTime() - lastGrowth < TimeUnit.SECONDS.toNanos(15)) {
                Thread.sleep(200);
                if (probe.openTotal() > lastOpen) {
                    lastOpen = probe.openTotal();
                    lastGrowth = System.nanoTime();
                }
            }
            System.out.printf("open: %d of %d after %.1f s%n", probe.openTotal(), connections,
                    (System.nanoTime() - rampStart) / 1e9);

            OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            long maxHeap = 0;
            for (int s = 0; s < steadySeconds; s++) {
                Thread.sleep(1000);
                maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
            }
            double cpu = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
            System.gc();
            long liveHeap = memory.getHeapMemoryUsage().getUsed();
            long steadyDrops = recording.history().select(Events.ConnectionDropped.class).count();
            System.out.printf("steady %d s: open %d, drops %d, CPU %.2f cores, heap max used %d MiB, after GC %d MiB"
                            + " (limit %d MiB)%n", steadySeconds, probe.openTotal(), steadyDrops, cpu, maxHeap >> 20,
                    liveHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

            System.out.println("drops before the kill by cause: " + recording.history()
                    .select(Events.ConnectionDropped.class).collect(java.util.stream.Collectors.groupingBy(
                            d -> d.cause() + " (" + d.detail().replaceAll("[0-9]+", "N") + ")",
                            java.util.stream.Collectors.counting())));
            System.out.println("failed opens by cause: " + recording.history()
                    .select(Events.ConnectionOpenFailed.class).collect(java.util.stream.Collectors.groupingBy(
                            Events.ConnectionOpenFailed::cause, java.util.stream.Collectors.counting())));
            int held = probe.openTotal();
            long killed = Clock.SYSTEM.monoNanos();
            for (SupervisedProcess p : fixture.processes().processes()) {
                if (p.name().equals("haproxy") && fixture.processes().isAlive(p.pid())) {
                    List<ProcessHandle> workers = ProcessHandle.of(p.pid()).stream()
                            .flatMap(ProcessHandle::descendants).toList();
                    fixture.processes().signal(p.pid(), "KILL");
                    workers.stream().filter(ProcessHandle::isAlive)
                            .forEach(w -> fixture.processes().signal(w.pid(), "KILL"));
                }
            }
            long killReturned = Clock.SYSTEM.monoNanos() - killed;
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recording.history().select(Events.ConnectionDropped.class).count() < steadyDrops + held
                    && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            var delays = recording.history().select(Events.ConnectionDropped.class)
                    .filter(d -> d.at().mono() >= killed).mapToLong(d -> d.at().mono() - killed).sorted().toArray();
            System.out.printf("kill: %d of %d held connections journaled as dropped; detection delay after SIGKILL:"
                            + " first %.0f ms, median %.0f ms, p99 %.0f ms, max %.0f ms (interval 1000 ms);"
                            + " the kill signals took %.0f ms%n", delays.length, held, pct(delays, 0.0),
                    pct(delays, 0.5), pct(delays, 0.99), pct(delays, 1.0), killReturned / 1e6);
            System.out.println("causes: " + recording.history().select(Events.ConnectionDropped.class)
                    .filter(d -> d.at().mono() >= killed)
                    .collect(java.util.stream.Collectors.groupingBy(Events.ConnectionDropped::cause,
                            java.util.stream.Collectors.counting())));
        } finally {
            if (probe != null) {
                probe.close();
            }
            if (gateway != null) {
                gateway.close();
            }
            fixture.close();
            backend.destroy();
            backend.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.getInputStream(); // connected: the backend listens
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("backend did not listen on port " + port);
    }
}
