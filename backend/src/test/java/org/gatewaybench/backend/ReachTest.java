package org.gatewaybench.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReachTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void anHttpGetIsAnsweredWithItsStatusLine() {
        try (BackendServer server = new BackendServer().start("b1", "127.0.0.1", 0)) {
            Reach.Result result = Reach.attempt(new Reach.Spec("127.0.0.1", server.port(), Reach.Read.HTTP_GET,
                    "/healthz"), TIMEOUT);
            assertThat(result).isEqualTo(new Reach.Result(true, "HTTP/1.1 200 OK"));
        }
    }

    @Test
    void aCommandLineIsAnsweredWithTheFirstLineOfItsAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOneLine(server));
            answering.start();
            Reach.Result result = Reach.attempt(new Reach.Spec("127.0.0.1", server.getLocalPort(), Reach.Read.LINE,
                    "show version"), TIMEOUT);
            answering.join(TIMEOUT.toMillis());
            assertThat(result).isEqualTo(new Reach.Result(true, "you asked: show version"));
        }
    }

    @Test
    void aPortNobodyListensOnIsNotReachedAndSaysWhy() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        Reach.Result result = Reach.attempt(new Reach.Spec("127.0.0.1", closed, Reach.Read.CONNECT, ""), TIMEOUT);
        assertThat(result.reached()).isFalse();
        assertThat(result.answer()).startsWith("ConnectException");
    }

    @Test
    void specsAndResultsSurviveTheCommandLineAndTheLog() {
        Reach.Spec spec = new Reach.Spec("svc.ns.svc", 9180, Reach.Read.HTTP_GET, "/apisix/admin/routes?x=1 2");
        assertThat(Reach.Spec.parse(spec.argument())).isEqualTo(spec);

        String log = "starting\n" + new Reach.Result(true, "HTTP/1.1 401 Unauthorized").line(1) + "\n"
                + new Reach.Result(false, "timed out\tafter 3s").line(0) + "\n";
        assertThat(Reach.Result.parse(log, 3)).containsExactly(new Reach.Result(false, "timed out\tafter 3s"),
                new Reach.Result(true, "HTTP/1.1 401 Unauthorized"), null);
    }

    private static void answerOneLine(ServerSocket server) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String asked = in.readLine();
            OutputStream out = s.getOutputStream();
            out.write(("\nyou asked: " + asked + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
