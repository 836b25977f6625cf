package org.gatewaybench.scenarios.churn;

import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.Route;

/** Told of every write the route API acknowledged, in the order of acks: where probes learn their t0. */
@FunctionalInterface
public interface ChurnListener {

    /**
     * @param op       the write's id in the journal
     * @param kind     create, update or delete
     * @param route    the route as written (for a delete, the route that was removed)
     * @param previous the version before an update, else null
     * @param t0Mono   when the API acknowledged the write
     */
    void acked(long op, OpKind kind, Route route, Route previous, long t0Mono);
}
