package org.gatewaybench.backend;

/**
 * A misbehaviour a backend can be switched into, so that probes can be calibrated against known
 * faults and lab chaos can freeze a backend without killing it.
 */
public enum BackendFault {
    /** Answers as the contract says. */
    NONE,
    /** Keeps every connection open but answers nothing: no HTTP answers, echoes or stream chunks. */
    STALL,
    /** Answers, but with a wrong body: HTTP {@code garbled}, echoes prefixed, stream chunks garbled. */
    GARBLE
}
