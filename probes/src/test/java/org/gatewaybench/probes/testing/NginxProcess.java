package org.gatewaybench.probes.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.fixtures.embedded.SupervisedProcess;

/**
 * A real nginx (Debian's /usr/sbin/nginx) in the foreground, started by the lab's own
 * {@link ProcessSupervisor}, with its files in a folder of the test's, proxying every request on a
 * free 127.0.0.1 port to one backend. Closing it stops the master it started and its workers, by pid.
 */
public final class NginxProcess implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final ProcessSupervisor supervisor;
    private final SupervisedProcess master;
    private final int port;

    private NginxProcess(ProcessSupervisor supervisor, SupervisedProcess master, int port) {
        this.supervisor = supervisor;
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
        ProcessSupervisor supervisor = new ProcessSupervisor();
        try {
            SupervisedProcess master = supervisor.start("nginx", List.of(BINARY.toString(), "-p", d,
                    "-c", d + "/nginx.conf", "-g", "daemon off;"), dir);
            supervisor.awaitPort(master.pid(), port, Duration.ofSeconds(10));
            // nginx accepts once its first worker listens; the others may still be forking.
            Wait.of("nginx's " + workers + " workers", Duration.ofSeconds(10)).every(Duration.ofMillis(20))
                    .until(() -> ProcessHandle.of(master.pid()).map(p -> p.children().count()).orElse(0L),
                            children -> children >= workers);
            return new NginxProcess(supervisor, master, port);
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
    }

    public long pid() {
        return master.pid();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Reloads the configuration as {@code nginx -s reload} does: SIGHUP to the master. */
    public void reload() {
        supervisor.signal(master.pid(), "HUP");
    }

    @Override
    public void close() {
        supervisor.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
