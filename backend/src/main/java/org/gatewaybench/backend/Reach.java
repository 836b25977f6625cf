package org.gatewaybench.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether an endpoint answers a client at this position: a connect, then at most one harmless read
 * (an HTTP GET of a health or version path, or one read-only command line). The isolation probe
 * tries a gateway's control endpoints with it from where a tenant's workloads run: in the lab from
 * this machine's loopback, in a cluster from a pod of the tenant's namespace running the backend
 * image as {@code BackendMain reach SPEC...}, one result line per spec on standard output.
 */
public final class Reach {

    /** What is done once connected. */
    public enum Read { CONNECT, HTTP_GET, LINE }

    /** One endpoint to try: {@code host:port}, what to do, and the path or command line. */
    public record Spec(String host, int port, Read read, String request) {

        /** As one command-line argument: {@code read,host:port,request} with the request URL-encoded. */
        public String argument() {
            return read.name().toLowerCase(Locale.ROOT) + "," + host + ":" + port + ","
                    + URLEncoder.encode(request, StandardCharsets.UTF_8);
        }

        /** Reads {@link #argument()} back. */
        public static Spec parse(String argument) {
            String[] parts = argument.split(",", 3);
            if (parts.length != 3 || parts[1].lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("expected read,host:port,request; found '" + argument + "'");
            }
            int colon = parts[1].lastIndexOf(':');
            return new Spec(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)),
                    Read.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
        }
    }

    /** What one try got: reached (connected, and answered when a read was asked) and the first answer line or the error. */
    public record Result(boolean reached, String answer) {

        private static final String PREFIX = "reach\t";

        /** As one line of output: {@code reach<TAB>index<TAB>reached<TAB>answer (URL-encoded)}. */
        public String line(int index) {
            return PREFIX + index + "\t" + reached + "\t" + URLEncoder.encode(answer, StandardCharsets.UTF_8);
        }

        /** The results in {@code output}, by index; lines that are not results are skipped. */
        public static List<Result> parse(String output, int expected) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                results.add(null);
            }
            for (String line : output.split("\n")) {
                if (!line.startsWith(PREFIX)) {
                    continue;
                }
                String[] parts = line.strip().split("\t", 4);
                int index = Integer.parseInt(parts[1]);
                if (index >= 0 && index < expected) {
                    results.set(index, new Result(Boolean.parseBoolean(parts[2]),
                            parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : ""));
                }
            }
            return results;
        }
    }

    private static final int MAX_ANSWER = 200;

    private Reach() {
    }

    /** Tries {@code spec} within {@code timeout} (connect and read each). */
    public static Result attempt(Spec spec, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), millis);
            socket.setSoTimeout(millis);
            if (spec.read() == Read.CONNECT) {
                return new Result(true, "connected");
            }
            OutputStream out = socket.getOutputStream();
            String ask = spec.read() == Read.HTTP_GET
                    ? "GET " + spec.request() + " HTTP/1.1\r\nHost: " + spec.host() + "\r\nConnection: close\r\n\r\n"
                    : spec.request() + "\n";
            out.write(ask.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    return new Result(true, shorten(line.strip()));
                }
            }
            return new Result(false, "connected, but closed without an answer");
        } catch (IOException e) {
            return new Result(false, shorten(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** {@code BackendMain reach SPEC...}: tries each spec in turn and prints one result line per spec. */
    static void main(List<String> specs, Duration timeout) {
        for (int i = 0; i < specs.size(); i++) {
            Result result;
            try {
                result = attempt(Spec.parse(specs.get(i)), timeout);
            } catch (IllegalArgumentException e) {
                result = new Result(false, "bad spec: " + e.getMessage());
            }
            System.out.println(result.line(i));
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER) + "...";
    }
}
