package org.gatewaybench.gateways.lab.haproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.gatewaybench.gateways.GatewayException;

/**
 * HAProxy's runtime API on its admin socket (a unix socket, or a TCP port). Many commands go
 * through one session in prompt mode, written in bulk while a reader drains the answers, so 20,000
 * map changes are one round.
 */
final class HaproxyAdminSocket {

    private static final int CHUNK = 64 * 1024;

    private final SocketAddress socket;
    private final Duration timeout;

    HaproxyAdminSocket(SocketAddress socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * Runs {@code commands} in one session and returns every non-empty answer. The map commands
     * the lab sends answer nothing when they succeed, so each returned line is an error.
     */
    List<String> run(List<String> commands) throws InterruptedException {
        try (SocketChannel channel = socket instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open()) {
            channel.connect(socket);
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            AtomicReference<IOException> readFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> drain(channel, answers, readFailure), "haproxy-admin-reader");
            reader.setDaemon(true);
            reader.start();
            StringBuilder chunk = new StringBuilder(CHUNK + 256).append("prompt\n");
            for (String command : commands) {
                chunk.append(command).append('\n');
                if (chunk.length() >= CHUNK) {
                    write(channel, chunk);
                }
            }
            chunk.append("quit\n");
            write(channel, chunk);
            reader.join(timeout.toMillis());
            if (reader.isAlive()) {
                throw new GatewayException("HAProxy's admin socket " + socket + " did not answer " + commands.size()
                        + " commands within " + timeout.toSeconds() + "s");
            }
            if (readFailure.get() != null) {
                throw readFailure.get();
            }
            String text;
            synchronized (answers) {
                text = answers.toString(StandardCharsets.UTF_8);
            }
            return text.lines().map(HaproxyAdminSocket::withoutPrompt).filter(l -> !l.isEmpty())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new GatewayException("HAProxy's admin socket " + socket + ": " + e.getMessage(), e);
        }
    }

    private static void write(SocketChannel channel, StringBuilder chunk) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chunk.toString());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        chunk.setLength(0);
    }

    private static void drain(SocketChannel channel, ByteArrayOutputStream answers,
                              AtomicReference<IOException> failure) {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try {
            while (channel.read(buffer) >= 0) {
                synchronized (answers) {
                    answers.write(buffer.array(), 0, buffer.position());
                }
                buffer.clear();
            }
        } catch (IOException e) {
            failure.set(e);
        }
    }

    /** An answer line without the "> " prompts that prompt mode puts before it. */
    private static String withoutPrompt(String line) {
        String l = line.strip();
        while (l.startsWith(">")) {
            l = l.substring(1).strip();
        }
        return l;
    }
}
