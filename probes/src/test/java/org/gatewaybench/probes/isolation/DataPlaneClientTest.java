package org.gatewaybench.probes.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatewaybench.core.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The isolation probe's client against a scripted HTTP server on loopback. */
class DataPlaneClientTest {

    /** How the scripted server answers each request of a connection. */
    private enum Script { KEEP_ALIVE, CLOSE_AFTER_ANSWER, CHUNKED, SILENT }

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> hosts = new CopyOnWriteArrayList<>();

    private InetSocketAddress serve(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    Thread c = new Thread(() -> answer(s, script));
                    c.setDaemon(true);
                    c.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void answer(Socket s, Script script) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    if (h.startsWith("Host: ")) {
                        hosts.add(h.substring(6));
                    }
                }
                String body = "backend=b7 asked=" + line;
                switch (script) {
                    case SILENT -> {
                        continue; // read on, answer never: the client times out
                    }
                    case CHUNKED -> out.write(("HTTP/1.1 200 OK\r\nX-Backend-Id: b7\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nbacke\r\n" + Integer.toHexString(body.length() - 5) + "\r\n" + body.substring(5)
                            + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    default -> out.write(("HTTP/1.1 200 OK\r\nX-Backend-Id: b7\r\nX-Gateway-Bench-Canary: c1\r\n"
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                if (script == Script.CLOSE_AFTER_ANSWER) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static DataPlaneClient client(InetSocketAddress at, Duration timeout) {
        return new DataPlaneClient(at, timeout, Clock.SYSTEM);
    }

    @Test
    void keepsOneConnectionAndReadsStatusHeadersAndBody() throws IOException {
        try (DataPlaneClient client = client(serve(Script.KEEP_ALIVE), Duration.ofSeconds(2))) {
            DataPlaneClient.Reply first = client.get("a.example", "/one");
            DataPlaneClient.Reply second = client.get("b.example", "/two");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.backend()).isEqualTo("b7");
            assertThat(first.header("x-gateway-bench-canary")).isEqualTo("c1");
            assertThat(second.body()).isEqualTo("backend=b7 asked=GET /two HTTP/1.1");
            assertThat(hosts).containsExactly("a.example", "b.example");
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void aKeptConnectionTheServerClosedIsReplacedWithoutAFailure() throws IOException {
        try (DataPlaneClient client = client(serve(Script.CLOSE_AFTER_ANSWER), Duration.ofSeconds(2))) {
            assertThat(client.get("a.example", "/").status()).isEqualTo(200);
            DataPlaneClient.Reply again = client.get("a.example", "/again");

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).endsWith("/again HTTP/1.1");
            assertThat(accepted).hasValue(2);
        }
    }

    @Test
    void readsAChunkedBody() throws IOException {
        try (DataPlaneClient client = client(serve(Script.CHUNKED), Duration.ofSeconds(2))) {
            DataPlaneClient.Reply reply = client.get("a.example", "/c");
            assertThat(reply.body()).isEqualTo("backend=b7 asked=GET /c HTTP/1.1");
            assertThat(client.get("a.example", "/d").body()).endsWith("/d HTTP/1.1");
        }
    }

    @Test
    void noAnswerIsATimeout() throws IOException {
        try (DataPlaneClient client = client(serve(Script.SILENT), Duration.ofMillis(300))) {
            DataPlaneClient.Reply silent = client.get("a.example", "/");
            assertThat(silent.status()).isZero();
            assertThat(silent.failure()).isEqualTo("timeout");
        }
    }

    /** A port that was just listening, never connected to: refused at once (no connection of another test on it). */
    @Test
    void noServerIsAFailedConnect() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (DataPlaneClient client = client(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed),
                Duration.ofSeconds(1))) {
            DataPlaneClient.Reply reply = client.get("a.example", "/");
            assertThat(reply.status()).isZero();
            assertThat(reply.failure()).isEqualTo("connect-failed");
        }
    }
}
