package org.gatewaybench.gateways.lab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.gatewaybench.core.route.Backend;

/**
 * A backend that routes point at in these tests: answers 200 with its id in X-Backend-Id and
 * "backend=ID host=HOST path=PATH" in the body, so an answer tells which backend served it.
 */
final class TestBackend implements AutoCloseable {

    private final HttpServer server;
    private final Backend backend;

    TestBackend(String id) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", exchange -> {
            byte[] body = ("backend=" + id + " host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " path=" + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend-Id", id);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        backend = new Backend(id, "127.0.0.1", server.getAddress().getPort());
    }

    Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
