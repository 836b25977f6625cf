package org.gatewaybench.core.isolation;

import org.gatewaybench.core.Word;

/**
 * What one tenant (B, the attacker) tries against another's (A, the victim) traffic, each judged
 * through the data plane by the isolation probe. The words are the scenario's and the journal's.
 */
public enum IsolationCheck implements Word {
    /** B creates a route with A's exact host and path after A's is active: whose backend answers? */
    SAME_HOST_SAME_PATH("B claims A's exact host and path"),
    /** B adds a longer path prefix under A's host (A has /, B takes /api): which of A's requests reach B? */
    SUB_PATH_CAPTURE("B adds /api under A's host"),
    /** B creates *.A's-domain: what answers A's active, not yet active and just deleted hosts? */
    WILDCARD_CAPTURE("B claims *.<A's domain>"),
    /** B's route names A's Service (another namespace): does a request through B's route reach A's backend? */
    CROSS_NAMESPACE_BACKEND("B's route names A's Service"),
    /** B writes a route the data plane cannot take: refused, ignored alone, or every tenant's changes stalled? */
    CONFIG_POISONING("B writes a route the data plane cannot take"),
    /** B's configuration snippet adds a header to A's answers or serves a file planted in the gateway. */
    SNIPPET_INJECTION("B's snippet reaches A's answers or the gateway's files"),
    /** Which of the gateway's control endpoints answer a client placed where B's workloads run. */
    CONTROL_PLANE_EXPOSURE("B's workload reaches the gateway's control endpoints"),
    /** B creates routes at a storm rate while quiet tenants churn slowly: how much slower do theirs go live? */
    NOISY_NEIGHBOUR("B's route storm slows other tenants' activation");

    private final String summary;

    IsolationCheck(String summary) {
        this.summary = summary;
    }

    /** What B does, in a few words, for reports. */
    public String summary() {
        return summary;
    }

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
