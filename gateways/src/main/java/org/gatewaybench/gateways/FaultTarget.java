package org.gatewaybench.gateways;

import java.util.Arrays;
import java.util.List;

/** What a fault hits: the gateway's controller, its data plane, or the node both run on. */
public enum FaultTarget {
    CONTROLLER("controller"),
    DATA_PLANE("data-plane"),
    NODE("node");

    private final String word;

    FaultTarget(String word) {
        this.word = word;
    }

    /** The word used in scenarios and the journal. */
    public String word() {
        return word;
    }

    /** Every word, for messages and the scenario schema. */
    public static List<String> words() {
        return Arrays.stream(values()).map(FaultTarget::word).toList();
    }

    /** The target named {@code word}; a clear error for anything else. */
    public static FaultTarget of(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault target '" + word
                        + "': expected one of " + String.join(", ", words())));
    }
}
