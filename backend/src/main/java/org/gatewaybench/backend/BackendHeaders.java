package org.gatewaybench.backend;

/** Header names of the backend contract. */
public final class BackendHeaders {

    /** The answering backend's id, on every HTTP answer. */
    public static final String BACKEND_ID = "X-Backend-Id";

    private BackendHeaders() {
    }
}
