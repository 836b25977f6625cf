package org.gatewaybench.core.resources;

import org.gatewaybench.core.Word;

/**
 * What a process of a gateway component does. nginx writes its role into its process title; an
 * nginx worker "is shutting down" after a reload, while it drains the connections it still holds.
 */
public enum ProcessRole implements Word {
    MASTER,
    WORKER,
    /** An old worker still serving its connections after a reload. */
    DRAINING_WORKER,
    /** nginx's cache manager or cache loader. */
    CACHE,
    /** The root of a component that is none of the above. */
    MAIN,
    /** Any other descendant of the root. */
    CHILD,
    /** A whole pod of a cluster component, as metrics.k8s.io reports it. */
    POD;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
