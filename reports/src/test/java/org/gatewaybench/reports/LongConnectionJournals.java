package org.gatewaybench.reports;

import org.gatewaybench.core.Word;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.RouteKey;

/**
 * A hand-built run with long connections: nginx reloads twice and drops its three connections
 * about 5 s after the first reload; HAProxy updates at runtime and drops none; a third gateway
 * holds no long connections.
 */
public final class LongConnectionJournals {

    public static final String NGINX = "nginx";
    public static final String HAPROXY = "haproxy";
    public static final String PLAIN = "plain";
    private static final RouteKey STABLE = new RouteKey("t0", "stable");

    private LongConnectionJournals() {
    }

    public static Journals run() {
        Journals j = new Journals().runStarted(NGINX, HAPROXY, PLAIN).gatewayStarted(NGINX, 0);
        opened(j, NGINX, "websocket", 1, 100);
        opened(j, NGINX, "websocket", 2, 100);
        opened(j, NGINX, "sse", 3, 100);
        population(j, NGINX, "websocket", 2, 2, 1000);
        population(j, NGINX, "sse", 1, 1, 1000);
        j.write(NGINX, 1, "create", 500).write(NGINX, 2, "create", 600).write(NGINX, 3, "update", 700)
                .write(NGINX, 4, "delete", 800)
                .apply(NGINX, 1, "reload", 3, 3, 900, 950, true)
                .apply(NGINX, 2, "reload", 3, 1, 1900, 1950, true);
        drop(j, NGINX, "websocket", 1, "closed", 6000, 1, 900);
        drop(j, NGINX, "websocket", 2, "reset", 6050, 1, 900);
        drop(j, NGINX, "sse", 3, "closed", 6100, 1, 900);
        j.append(new Events.ConnectionOpenFailed(Journals.at(6200), NGINX, ConnectionKind.SSE, 2, STABLE, 1, true, DropCause.REFUSED,
                "connection refused", Journals.nanos(100)));
        opened(j, NGINX, "websocket", 4, 6300);
        population(j, NGINX, "websocket", 2, 1, 7000);
        population(j, NGINX, "sse", 1, 0, 7000);

        j.gatewayStarted(HAPROXY, 10_000);
        opened(j, HAPROXY, "websocket", 10, 10_100);
        j.write(HAPROXY, 5, "create", 10_400).write(HAPROXY, 6, "create", 10_450)
                .apply(HAPROXY, 1, "runtime-api", 2, 2, 10_500, 10_501, true);
        population(j, HAPROXY, "websocket", 1, 1, 11_000);

        j.gatewayStarted(PLAIN, 20_000).write(PLAIN, 7, "create", 20_100);
        return j.runEnded(21_000);
    }

    public static void opened(Journals j, String gateway, String kind, long connection, double ms) {
        j.append(new Events.ConnectionOpened(Journals.at(ms), gateway, Word.parse(ConnectionKind.class, kind), connection, (int) connection, STABLE,
                Journals.nanos(2), 1));
    }

    public static void population(Journals j, String gateway, String kind, int target, int open, double ms) {
        j.append(new Events.ConnectionPopulation(Journals.at(ms), gateway, Word.parse(ConnectionKind.class, kind),
                target, open));
    }

    /** A drop at {@code ms} of a connection retired by {@code apply}, which started at {@code applyMs}. */
    public static void drop(Journals j, String gateway, String kind, long connection, String cause, double ms,
                            long apply, double applyMs) {
        long since = Journals.nanos(ms - applyMs);
        j.append(new Events.ConnectionDropped(Journals.at(ms), gateway, Word.parse(ConnectionKind.class, kind), connection,
                (int) connection, STABLE, Word.parse(DropCause.class, cause), "by the peer", Journals.nanos(ms - 100), Journals.nanos(500), apply, "reload", since, apply,
                since, 2));
    }
}
