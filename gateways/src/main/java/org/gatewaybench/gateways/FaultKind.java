package org.gatewaybench.gateways;

import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureKind;

/**
 * One fault a family of gateways can take: an action against some targets, on some kinds of
 * fixture, and how to inject it into {@code G} (the installed gateway as faults see it). A
 * {@link FaultCatalog} of these is all a driver says about faults: what it supports is derived
 * from the same objects that inject, so the two cannot drift apart.
 *
 * @param <G> what the fault acts on: a lab gateway, a gateway in a cluster
 */
public interface FaultKind<G> {

    FaultAction action();

    /** The targets this fault hits. */
    Set<FaultTarget> targets();

    /** Whether fixtures of {@code kind} allow this fault (all that a driver runs on, unless narrowed). */
    default boolean availableOn(FixtureKind kind) {
        return true;
    }

    /**
     * Starts the fault against the request's target of {@code gateway} and returns at once; the fault lasts
     * until {@link Fault#heal()}. Throws a {@link GatewayException} when it cannot start (nothing is
     * then left broken).
     */
    Fault inject(G gateway, FaultRequest request);
}
