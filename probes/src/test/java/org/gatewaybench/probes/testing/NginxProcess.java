package org.gatewaybench.probes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's /usr/sbin/nginx) in the foreground as a child of the test JVM, with its
 * files in a folder of the test's, proxying every request on a free 127.0.0.1 port to one backend.
 * Closing it stops the master it started (and so its workers), by pid.
 */
public final class NginxProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process master;
    private final int port;

    private NginxProcess(Process master, int port) {
        this.master = master;
        this.port = port;
    }

    /** Starts nginx with {@code workers} workers proxying to {@code backend}, and waits until it listens. */
    public static NginxProcess start(Path dir, int workers, InetSocketAddress backend) throws IOException {
        int port = freePort();
        Files.createDirectories(dir.resolve("temp"));
        String d = dir.toAbsolutePath().toString();
        String config = """
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                # An old worker may drain its connections this long after a reload.
                worker_shutdown_timeout 5s;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %s/temp/body;
                    proxy_temp_path %s/temp/proxy;
                    fastcgi_temp_path %s/temp/fastcgi;
                    uwsgi_temp_path %s/temp/uwsgi;
                    scgi_temp_path %s/temp/scgi;
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://127.0.0.1:%d;
                            proxy_set_header Host $host;
                            proxy_read_timeout 30s;
                        }
                    }
                }
                """.formatted(workers, d, d, d, d, d, d, d, port, backend.getPort());
        Files.writeString(dir.resolve("nginx.conf"), config);
        Process master = new ProcessBuilder(List.of(BINARY.toString(), "-p", d, "-c", d + "/nginx.conf",
                "-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        NginxProcess nginx = new NginxProcess(master, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!nginx.accepts()) {
            if (!master.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + ": "
                        + Files.readString(dir.resolve("nginx.out")) + readIfExists(dir.resolve("error.log")));
            }
            sleep(50);
        }
        return nginx;
    }

    public long pid() {
        return master.pid();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Reloads the configuration as {@code nginx -s reload} does: SIGHUP to the master. */
    public void reload() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", "HUP", Long.toString(master.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -s HUP " + master.pid() + " failed");
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(address(), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = master.descendants().toList();
        master.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            // A worker outlives a killed master only by accident; stop it, by the pid we saw.
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nginx", e);
        }
    }
}
