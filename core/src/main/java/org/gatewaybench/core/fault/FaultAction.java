package org.gatewaybench.core.fault;

import org.gatewaybench.core.Word;

/**
 * The kinds of fault chaos injects. Each is healed later: a killed component is started again, a
 * frozen one resumed, a squeezed one given its memory back, a partition lifted, a node booted.
 */
public enum FaultAction implements Word {
    /** Crash: SIGKILL the processes (in a cluster, delete the pods). */
    KILL,
    /** Pause: SIGSTOP, then SIGCONT at the heal. */
    FREEZE,
    /** Starve memory: a lower limit, so that growth (a reload, new routes) fails or is OOM-killed. */
    SQUEEZE,
    /** Cut the controller off from the route API: it learns of no change until the heal. */
    PARTITION,
    /** Restart the node everything runs on. */
    RESTART_NODE;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
