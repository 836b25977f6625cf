package org.gatewaybench.probes.longconn;

import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.ConnectException;

/** Why a held connection ended without the probe asking, by the word written in journals. */
public enum DropCause {
    /** The peer closed the connection (FIN, a WebSocket close frame, an HTTP/2 GOAWAY, the end of a stream). */
    CLOSED("closed"),
    /** The connection was reset (RST) or failed with an I/O error. */
    RESET("reset"),
    /** No answer for 3 intervals. */
    STALLED("stalled"),
    /** A wrong echo, a wrong backend or an answer that cannot be read. */
    GARBLED("garbled"),
    /** An HTTP error status instead of the backend's answer, or a reset HTTP/2 stream. */
    ERROR_ANSWER("error-answer"),
    /** The connection could not be made at all (only for failed opens). */
    REFUSED("refused");

    private final String word;

    DropCause(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The cause an exception on a connection stands for. */
    static DropCause of(Throwable error) {
        if (error instanceof ConnectException) {
            return REFUSED;
        }
        if (error instanceof CorruptedFrameException || error instanceof DecoderException) {
            return GARBLED;
        }
        if (error instanceof IOException) {
            return RESET;
        }
        return GARBLED;
    }
}
