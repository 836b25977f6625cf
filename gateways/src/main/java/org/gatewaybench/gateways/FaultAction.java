package org.gatewaybench.gateways;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of fault chaos injects. Each is healed later: a killed component is started again, a
 * frozen one resumed, a squeezed one given its memory back, a partition lifted, a node booted.
 */
public enum FaultAction {
    /** Crash: SIGKILL the processes (in a cluster, delete the pods). */
    KILL("kill"),
    /** Pause: SIGSTOP, then SIGCONT at the heal. */
    FREEZE("freeze"),
    /** Starve memory: a lower limit, so that growth (a reload, new routes) fails or is OOM-killed. */
    SQUEEZE("squeeze"),
    /** Cut the controller off from the route API: it learns of no change until the heal. */
    PARTITION("partition"),
    /** Restart the node everything runs on. */
    RESTART_NODE("restart-node");

    private final String word;

    FaultAction(String word) {
        this.word = word;
    }

    /** The word used in scenarios and the journal. */
    public String word() {
        return word;
    }

    /** Every word, for messages and the scenario schema. */
    public static List<String> words() {
        return Arrays.stream(values()).map(FaultAction::word).toList();
    }

    /** The action named {@code word}; a clear error for anything else. */
    public static FaultAction of(String word) {
        return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault action '" + word
                        + "': expected one of " + String.join(", ", words())));
    }
}
