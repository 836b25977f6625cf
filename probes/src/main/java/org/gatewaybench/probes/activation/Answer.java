package org.gatewaybench.probes.activation;

/**
 * What the data plane did with one probe request: an HTTP answer ({@code failure} null) or no
 * answer at all ({@code status} 0 and {@code failure} one of reset, timeout, connect-failed).
 *
 * @param backendId the {@code X-Backend-Id} header, null when absent
 * @param body the answer's body as text ("" when none)
 * @param sentMono when the request left (for a failed connect: when the connect began)
 */
record Answer(int status, String backendId, String body, String failure, long sentMono) {

    static final String RESET = "reset";
    static final String TIMEOUT = "timeout";
    static final String CONNECT_FAILED = "connect-failed";

    static Answer http(int status, String backendId, String body, long sentMono) {
        return new Answer(status, backendId, body, null, sentMono);
    }

    static Answer failed(String failure, long sentMono) {
        return new Answer(0, null, "", failure, sentMono);
    }

    boolean failedBeforeAnswer() {
        return failure != null;
    }

    /**
     * The {@code host=} token of the backend's body ({@code backend=<id> host=<Host> path=<path>}),
     * null when the body has none.
     */
    String bodyHost() {
        for (String token : body.split(" ")) {
            if (token.startsWith("host=")) {
                return token.substring("host=".length()).trim();
            }
        }
        return null;
    }
}
