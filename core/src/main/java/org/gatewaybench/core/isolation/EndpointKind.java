package org.gatewaybench.core.isolation;

import org.gatewaybench.core.Word;

/** What a gateway's control endpoint does; admin, xds and webhook endpoints must not answer a tenant. */
public enum EndpointKind implements Word {
    /** Changes the gateway's configuration (APISIX's admin API, HAProxy's runtime API). */
    ADMIN,
    /** Hands every tenant's configuration to data planes (Envoy's xDS). */
    XDS,
    /** The admission webhook the API server calls (ingress-nginx's; CVE-2025-1974 reached it from pods). */
    WEBHOOK,
    /** Health, readiness or version. */
    STATUS,
    /** Prometheus metrics. */
    METRICS;

    /** Whether a tenant reaching it can change or read other tenants' configuration. */
    public boolean controls() {
        return this == ADMIN || this == XDS || this == WEBHOOK;
    }

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
