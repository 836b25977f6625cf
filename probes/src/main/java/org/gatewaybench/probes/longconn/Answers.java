package org.gatewaybench.probes.longconn;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import org.gatewaybench.core.connection.DropCause;

/** Judges an HTTP answer against the backend contract: 200 and a body that names the route's backend. */
final class Answers {

    private Answers() {
    }

    /** Fails {@code connection} unless {@code response} is its backend's answer; true when it is. */
    static boolean judge(HeldConnection connection, FullHttpResponse response) {
        int status = response.status().code();
        if (status != 200) {
            connection.fail(DropCause.ERROR_ANSWER, "status " + status);
            return false;
        }
        String body = response.content().toString(StandardCharsets.UTF_8);
        if (!body.startsWith("backend=" + connection.route().backend().id() + " ")) {
            connection.fail(DropCause.GARBLED, "answer '" + HeldConnection.excerpt(body) + "', expected backend="
                    + connection.route().backend().id());
            return false;
        }
        return true;
    }

    /** The path of {@code leaf} under a route's path prefix. */
    static String under(String pathPrefix, String leaf) {
        return pathPrefix.endsWith("/") ? pathPrefix + leaf : pathPrefix + "/" + leaf;
    }
}
