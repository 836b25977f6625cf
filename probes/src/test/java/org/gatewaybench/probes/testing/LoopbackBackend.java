package org.gatewaybench.probes.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 for tests: answers every request 200 with
 * {@code X-Backend-Id}, optionally after a delay, and counts requests by Host header.
 */
public final class LoopbackBackend implements AutoCloseable {

    static {
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK:
        // 40 ms answers on loopback that would measure the test server, not the client.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String backendId;
    private final Duration delay;
    private final Map<String, AtomicLong> requestsByHost = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> clientConnections = ConcurrentHashMap.newKeySet();

    private LoopbackBackend(String backendId, Duration delay, String contentType, String body) throws IOException {
        this.backendId = backendId;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-backend-" + backendId);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> answer(exchange, contentType, bytes));
        server.start();
    }

    /** A backend answering "ok" at once. */
    public static LoopbackBackend start(String backendId) {
        return start(backendId, Duration.ZERO, "text/plain", "ok\n");
    }

    /** A backend answering {@code body} after {@code delay}. */
    public static LoopbackBackend start(String backendId, Duration delay, String contentType, String body) {
        try {
            return new LoopbackBackend(backendId, delay, contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start loopback backend " + backendId, e);
        }
    }

    private void answer(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            clientConnections.add(exchange.getRemoteAddress());
            requestsByHost.computeIfAbsent(host == null ? "" : host, h -> new AtomicLong()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            exchange.getResponseHeaders().add("X-Backend-Id", backendId);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    /** Requests received with Host header {@code host}. */
    public long requestsFor(String host) {
        AtomicLong n = requestsByHost.get(host);
        return n == null ? 0 : n.get();
    }

    /** Distinct client connections (address and port) that sent requests. */
    public int clientConnections() {
        return clientConnections.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
