package org.gatewaybench.core.connection;

import org.gatewaybench.core.Word;

/** Why a held connection ended without the probe asking, or why opening one failed. */
public enum DropCause implements Word {
    /** The peer closed the connection (FIN, a WebSocket close frame, an HTTP/2 GOAWAY, the end of a stream). */
    CLOSED,
    /** The connection was reset (RST) or failed with an I/O error. */
    RESET,
    /** No answer for 3 intervals. */
    STALLED,
    /** A wrong echo, a wrong backend or an answer that cannot be read. */
    GARBLED,
    /** An HTTP error status instead of the backend's answer, or a reset HTTP/2 stream. */
    ERROR_ANSWER,
    /** The connection could not be made at all (only for failed opens). */
    REFUSED;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
