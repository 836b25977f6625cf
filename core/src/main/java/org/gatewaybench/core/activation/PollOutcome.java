package org.gatewaybench.core.activation;

/**
 * How one probe answer counts. OK: the answer expected (the route's backend for a present route,
 * 404 for an absent one). NOT_YET: the gateway has not caught up (404 for a present route, the old
 * backend for an absent one). ERROR: anything else: 5xx, reset, timeout, a wrong backend.
 */
public enum PollOutcome {
    OK("ok"), NOT_YET("not-yet"), ERROR("error");

    private final String word;

    PollOutcome(String word) {
        this.word = word;
    }

    /** The word written in journals. */
    public String word() {
        return word;
    }

    public static PollOutcome ofWord(String word) {
        for (PollOutcome o : values()) {
            if (o.word.equals(word)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown poll outcome: " + word);
    }
}
