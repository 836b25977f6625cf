package org.gatewaybench.gateways.lab.haproxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.gateways.lab.RouteTable;

/**
 * The lab HAProxy's configuration: one frontend that picks the backend from a map keyed by host
 * and path prefix (longest prefix wins, {@code map_beg}), then, for a host the map does not know,
 * by its wildcard ({@code *.} and the host without its first label, the one-label rule of Ingress
 * wildcards) in the same map; one HAProxy backend per harness backend, 404 for anything else, and
 * the runtime API on an admin socket. The config never changes while routes do; only the map does.
 *
 * @param workDir        where the config, the map file and the admin socket live
 * @param port           the loopback port of the frontend
 * @param backends       the backends routes point at (matched by id)
 * @param runtimeApiPort the loopback TCP port of the runtime API, or 0 for a unix socket (the default)
 */
record HaproxyConfig(Path workDir, int port, List<Backend> backends, int runtimeApiPort) {

    /** A config whose runtime API is a unix socket. */
    HaproxyConfig(Path workDir, int port, List<Backend> backends) {
        this(workDir, port, backends, 0);
    }

    Path file() {
        return workDir.resolve("haproxy.cfg");
    }

    Path mapFile() {
        return workDir.resolve("routes.map");
    }

    /** HAProxy refuses a unix socket path longer than this (sun_path less its own suffix room). */
    static final int MAX_SOCKET_PATH = 97;

    /**
     * The admin socket: in the work folder when its path is short enough for a unix socket, else
     * in the temp folder under a name derived from the work folder (run folders can be deep).
     */
    Path adminSocket() {
        Path inWorkDir = workDir.resolve("admin.sock");
        if (inWorkDir.toString().length() <= MAX_SOCKET_PATH) {
            return inWorkDir;
        }
        String id = Integer.toHexString(workDir.toAbsolutePath().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "gateway-bench-haproxy-" + id + ".sock");
    }

    /** Where the runtime API listens: the unix socket, or the TCP port on loopback. */
    SocketAddress runtimeApi() {
        return runtimeApiPort == 0 ? UnixDomainSocketAddress.of(adminSocket())
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), runtimeApiPort);
    }

    /** The runtime API's address as a control endpoint names it: unix:/path or 127.0.0.1:port. */
    String runtimeApiAddress() {
        return runtimeApiPort == 0 ? "unix:" + adminSocket() : "127.0.0.1:" + runtimeApiPort;
    }

    String render() {
        StringBuilder c = new StringBuilder();
        c.append("# rendered by gateway-bench lab-haproxy-runtime; routes live in ").append(mapFile()).append('\n');
        c.append("global\n");
        c.append("  stats socket ").append(runtimeApiPort == 0 ? adminSocket().toString()
                : "ipv4@127.0.0.1:" + runtimeApiPort).append(" level admin\n");
        c.append("  stats timeout 2m\n");
        // No maxconn: HAProxy derives it from the file descriptor limit it is given.
        c.append("defaults\n");
        c.append("  mode http\n");
        c.append("  timeout connect 5s\n");
        // Long connections are under test: idle timeouts must not be what ends them.
        c.append("  timeout client 1h\n");
        c.append("  timeout server 1h\n");
        c.append("  timeout tunnel 1h\n");
        c.append("  timeout http-keep-alive 75s\n");
        c.append("frontend lab\n");
        c.append("  bind 127.0.0.1:").append(port).append('\n');
        // The map key is host (without port, lower case) followed by the path, as in the map file;
        // a host the map lacks is looked up again as its wildcard, *. and the host less its first label.
        c.append("  http-request set-var(txn.host) req.hdr(host),field(1,:),lower\n");
        c.append("  http-request set-var(txn.path) path\n");
        c.append("  http-request set-var(txn.route) var(txn.host),concat(,txn.path)\n");
        c.append("  http-request set-var(txn.wildcard) var(txn.host),regsub(^[^.]*,*),concat(,txn.path)\n");
        c.append("  http-request set-var(txn.backend) var(txn.route),map_beg(").append(mapFile()).append(")\n");
        c.append("  http-request set-var(txn.backend) var(txn.wildcard),map_beg(").append(mapFile())
                .append(") unless { var(txn.backend) -m found }\n");
        c.append("  use_backend %[var(txn.backend)] if { var(txn.backend) -m found }\n");
        c.append("  default_backend not_found\n");
        c.append("backend not_found\n");
        c.append("  http-request return status 404\n");
        for (int i = 0; i < backends.size(); i++) {
            Backend b = backends.get(i);
            c.append("backend ").append(backendName(i)).append(" # ").append(b.id()).append('\n');
            c.append("  server ").append(backendName(i)).append(' ').append(b.address()).append('\n');
        }
        return c.toString();
    }

    /** The map file's text for {@code entries}: one "host/path backend" line each. */
    String renderMap(List<RouteTable.Entry> entries) {
        Map<String, String> names = backendNames();
        StringBuilder m = new StringBuilder(entries.size() * 48);
        for (RouteTable.Entry e : entries) {
            m.append(e.key()).append(' ').append(names.get(e.backend().id())).append('\n');
        }
        return m.toString();
    }

    /** HAProxy backend name by harness backend id. */
    Map<String, String> backendNames() {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < backends.size(); i++) {
            names.put(backends.get(i).id(), backendName(i));
        }
        return names;
    }

    private static String backendName(int index) {
        return "backend_" + index;
    }
}
