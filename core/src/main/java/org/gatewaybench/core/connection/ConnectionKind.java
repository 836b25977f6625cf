package org.gatewaybench.core.connection;

import org.gatewaybench.core.Word;

/** The kinds of long connection the probe holds through a gateway. */
public enum ConnectionKind implements Word {
    /** A WebSocket: one text message every interval, echo checked. */
    WEBSOCKET,
    /** An HTTP/1.1 keep-alive connection: one request every interval on the same connection. */
    HTTP1,
    /** A server-sent event stream: the backend sends one event every interval on one response. */
    SSE,
    /** HTTP/2 cleartext with prior knowledge: one request (stream) every interval on one connection. */
    H2C;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
