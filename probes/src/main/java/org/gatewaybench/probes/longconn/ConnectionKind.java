package org.gatewaybench.probes.longconn;

/** The kinds of long connection the probe holds, by the word used in scenarios and journals. */
public enum ConnectionKind {
    /** A WebSocket: one text message every interval, echo checked. */
    WEBSOCKET("websocket"),
    /** An HTTP/1.1 keep-alive connection: one request every interval on the same connection. */
    HTTP1("http1"),
    /** A server-sent event stream: the backend sends one event every interval on one response. */
    SSE("sse"),
    /** HTTP/2 cleartext with prior knowledge: one request (stream) every interval on one connection. */
    H2C("h2c");

    private final String word;

    ConnectionKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The kind of a scenario word; fails naming the words there are. */
    public static ConnectionKind ofWord(String word) {
        for (ConnectionKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown connection kind '" + word + "'; expected websocket, http1, sse or h2c");
    }
}
