package org.gatewaybench.probes.isolation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gatewaybench.backend.BackendHeaders;
import org.gatewaybench.core.time.Clock;

/**
 * Blocking HTTP/1.1 GETs with a chosen Host to one data plane over one keep-alive connection: the
 * isolation probe asks few questions, in order, and needs every header of each answer. A request
 * on a kept connection that the data plane closed meanwhile (nginx retires idle connections at a
 * reload) is sent once more on a fresh one, as HTTP clients do for idempotent requests. Not
 * thread-safe: one client per thread ({@link ClientPool}).
 */
final class DataPlaneClient implements AutoCloseable {

    /** One answer; {@code status} 0 with {@code failure} reset, timeout or connect-failed when none came. */
    record Reply(int status, Map<String, String> headers, String body, String failure, long sentMono) {

        /** The id of the backend that answered (its X-Backend-Id header), or null. */
        String backend() {
            return headers.get(BackendHeaders.BACKEND_ID.toLowerCase(Locale.ROOT));
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final int MAX_BODY = 64 * 1024;

    private final InetSocketAddress dataPlane;
    private final int timeoutMillis;
    private final Clock clock;
    private Socket socket;
    private BufferedInputStream in;

    DataPlaneClient(InetSocketAddress dataPlane, Duration timeout, Clock clock) {
        this.dataPlane = dataPlane;
        this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
        this.clock = clock;
    }

    /** GET {@code path} with Host {@code host}. */
    Reply get(String host, String path) {
        boolean reused = socket != null;
        long sent = clock.monoNanos();
        try {
            return exchange(host, path, sent);
        } catch (StaleConnection stale) {
            if (reused) {
                sent = clock.monoNanos();
                try {
                    return exchange(host, path, sent);
                } catch (StaleConnection again) {
                    return failed("reset", sent);
                }
            }
            return failed("reset", sent);
        }
    }

    private Reply exchange(String host, String path, long sent) throws StaleConnection {
        try {
            if (socket == null) {
                connect();
            }
        } catch (IOException e) {
            return failed(e instanceof SocketTimeoutException ? "timeout" : "connect-failed", sent);
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: gateway-bench-isolation-probe"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line(true);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(false); !h.isEmpty(); h = line(false)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            String body = body(headers);
            if ("close".equalsIgnoreCase(headers.get("connection")) || statusLine.startsWith("HTTP/1.0")) {
                close();
            }
            return new Reply(status, Map.copyOf(headers), body, null, sent);
        } catch (StaleConnection stale) {
            close();
            throw stale;
        } catch (SocketTimeoutException e) {
            close();
            return failed("timeout", sent);
        } catch (IOException | RuntimeException e) {
            close();
            return failed("reset", sent);
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(dataPlane, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e instanceof SocketTimeoutException ? e : new ConnectException(e.getMessage());
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
    }

    /** One header line without its CRLF; the connection closing before the first byte is a stale connection. */
    private String line(boolean first) throws IOException, StaleConnection {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (first && buf.size() == 0) {
                    throw new StaleConnection();
                }
                throw new EOFException("the connection closed inside the answer's head");
            }
            if (b != '\r') {
                buf.write(b);
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private String body(Map<String, String> headers) throws IOException, StaleConnection {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line(false);
            }
            for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                // trailers are not needed
            }
        } else if (headers.containsKey("content-length")) {
            copy(Integer.parseInt(headers.get("content-length")), body);
        } else {
            byte[] rest = in.readNBytes(MAX_BODY);
            body.write(rest);
            close();
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private int chunkSize() throws IOException, StaleConnection {
        String size = line(false);
        int semicolon = size.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private void copy(int length, ByteArrayOutputStream to) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the connection closed inside the answer's body");
        }
        if (to.size() < MAX_BODY) {
            to.write(bytes, 0, Math.min(bytes.length, MAX_BODY - to.size()));
        }
    }

    private static Reply failed(String failure, long sent) {
        return new Reply(0, Map.of(), "", failure, sent);
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a socket that failed already changes nothing
            }
        }
    }

    /** The kept connection was closed before the answer began: the request may be sent again. */
    private static final class StaleConnection extends Exception {
        StaleConnection() {
            super(null, null, false, false);
        }
    }
}
