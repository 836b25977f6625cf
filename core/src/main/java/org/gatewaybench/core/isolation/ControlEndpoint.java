package org.gatewaybench.core.isolation;

import java.util.Objects;
import org.gatewaybench.core.Word;

/**
 * One control endpoint of a gateway as a tenant's workload would address it, and the one harmless
 * thing the isolation probe does there: connect only, GET a health or version path, or send one
 * read-only command line (HAProxy's {@code show version}). Never a payload that changes anything.
 *
 * @param name    a short name for reports, e.g. admission-webhook
 * @param address {@code host:port}, or {@code unix:/path} for a socket in the gateway's file system
 * @param request the path of an HTTP GET or the command line; empty for a connect
 */
public record ControlEndpoint(String name, EndpointKind kind, String address, Read read, String request) {

    /** What the probe does once connected. */
    public enum Read implements Word {
        /** Nothing: a connect is the whole probe (xDS, webhooks: their protocols need a payload). */
        CONNECT,
        /** One HTTP/1.1 GET of {@code request}. */
        HTTP_GET,
        /** One line {@code request}, the first line of the answer read. */
        LINE;

        @Override
        public String toString() {
            return word();
        }
    }

    private static final String UNIX = "unix:";

    public ControlEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(read, "read");
        request = request == null ? "" : request;
        if (!address.startsWith(UNIX) && address.lastIndexOf(':') <= 0) {
            throw new IllegalArgumentException("endpoint address must be host:port or unix:/path, found '" + address + "'");
        }
    }

    /** Whether it is a unix socket in the gateway's file system, which no network path reaches. */
    public boolean unix() {
        return address.startsWith(UNIX);
    }

    /** The host of a TCP endpoint. */
    public String host() {
        return address.substring(0, address.lastIndexOf(':'));
    }

    /** The port of a TCP endpoint. */
    public int port() {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** What the probe does there, for the journal: connect, GET /healthz, show version. */
    public String readText() {
        return switch (read) {
            case CONNECT -> "connect";
            case HTTP_GET -> "GET " + request;
            case LINE -> request;
        };
    }
}
