package org.gatewaybench.gateways.lab.nginx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.gateways.lab.RouteTable;

/**
 * Renders the whole nginx.conf from the current routes, as ingress-nginx does on every sync: one
 * upstream per backend with keepalive, one server block per host (a wildcard host is nginx's
 * leading-wildcard server name) with a location per path prefix, and a default server that answers
 * 404. Snippet annotations the policy let through go verbatim into the host's server block and the
 * route's location, as ingress-nginx renders server-snippet and configuration-snippet.
 *
 * @param workDir               the nginx prefix: pid, logs and temp files live here
 * @param port                  the loopback port every server listens on
 * @param workerProcesses       nginx worker_processes
 * @param workerShutdownTimeout how long old workers may finish requests after a reload
 * @param backends              the backends routes point at (matched by id), each rendered as an upstream
 */
record NginxConfig(Path workDir, int port, int workerProcesses, Duration workerShutdownTimeout,
                   List<Backend> backends) {

    /** Upstream connections kept open per worker, so a reload does not mean reconnecting per request. */
    private static final int UPSTREAM_KEEPALIVE = 32;

    /**
     * A hash bucket must hold one name of the longest length a route may have: nginx needs
     * align(length + 2, 8) + 8 bytes for it plus 8, rounded up to a cache line (253 -> 320).
     */
    private static final int NAME_BUCKET_SIZE = roundUp(roundUp(RouteTable.MAX_HOST_LENGTH + 2, 8) + 16, 64);

    Path file() {
        return workDir.resolve("nginx.conf");
    }

    Path errorLog() {
        return workDir.resolve("error.log");
    }

    /** The config serving {@code hosts} (host, then path prefix, to entry). */
    String render(SortedMap<String, SortedMap<String, RouteTable.Entry>> hosts) {
        Map<String, Integer> upstreams = new HashMap<>();
        StringBuilder c = new StringBuilder(256 + hosts.size() * 160);
        c.append("# rendered by gateway-bench lab-nginx-reload: ").append(hosts.size()).append(" hosts\n");
        if ("root".equals(System.getProperty("user.name"))) {
            // nginx would switch its workers to 'nobody', who cannot enter a private work folder.
            c.append("user root root;\n");
        }
        c.append("worker_processes ").append(workerProcesses).append(";\n");
        c.append("worker_shutdown_timeout ").append(workerShutdownTimeout.toMillis()).append("ms;\n");
        c.append("pid ").append(quote(workDir.resolve("nginx.pid"))).append(";\n");
        c.append("error_log ").append(quote(errorLog())).append(" warn;\n");
        c.append("events { worker_connections 16384; }\n");
        c.append("http {\n");
        c.append("  access_log off;\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            c.append("  ").append(temp).append("_temp_path ").append(quote(workDir.resolve("tmp").resolve(temp))).append(";\n");
        }
        // Large enough for 20,000+ host names; nginx picks the smallest size that fits.
        c.append("  server_names_hash_max_size 262144;\n");
        c.append("  server_names_hash_bucket_size ").append(NAME_BUCKET_SIZE).append(";\n");
        c.append("  proxy_http_version 1.1;\n");
        // As ingress-nginx: pass WebSocket upgrades on; an empty Connection otherwise keeps the
        // upstream keepalive pool working.
        c.append("  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }\n");
        c.append("  proxy_set_header Upgrade $http_upgrade;\n");
        c.append("  proxy_set_header Connection $connection_upgrade;\n");
        c.append("  proxy_set_header Host $host;\n");
        for (int i = 0; i < backends.size(); i++) {
            Backend b = backends.get(i);
            upstreams.put(b.id(), i);
            c.append("  upstream ").append(upstream(i)).append(" { # ").append(b.id()).append('\n');
            c.append("    server ").append(b.address()).append(";\n");
            c.append("    keepalive ").append(UPSTREAM_KEEPALIVE).append(";\n");
            c.append("  }\n");
        }
        c.append("  server { listen 127.0.0.1:").append(port).append(" default_server; return 404; }\n");
        for (Map.Entry<String, SortedMap<String, RouteTable.Entry>> host : hosts.entrySet()) {
            c.append("  server { listen 127.0.0.1:").append(port).append("; server_name ").append(host.getKey()).append(";\n");
            host.getValue().values().stream().map(RouteTable.Entry::serverSnippet).filter(Objects::nonNull).distinct()
                    .forEach(snippet -> c.append("    ").append(snippet).append('\n'));
            if (!host.getValue().containsKey("/")) {
                c.append("    location / { return 404; }\n");
            }
            for (Map.Entry<String, RouteTable.Entry> path : host.getValue().entrySet()) {
                RouteTable.Entry entry = path.getValue();
                c.append("    location ").append(path.getKey()).append(" { proxy_pass http://")
                        .append(upstream(upstreams.get(entry.backend().id()))).append(";");
                if (entry.locationSnippet() != null) {
                    c.append(' ').append(entry.locationSnippet());
                }
                c.append(" }\n");
            }
            c.append("  }\n");
        }
        c.append("}\n");
        return c.toString();
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static String upstream(int index) {
        return "backend_" + index;
    }

    private static String quote(Path path) {
        return "\"" + path + "\"";
    }
}
