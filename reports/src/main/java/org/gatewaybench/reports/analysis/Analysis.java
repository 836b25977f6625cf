package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.Word;

/**
 * The analyses of a run, each computed on its own: one that fails leaves the others' figures, and
 * reports name it by its word ({@code config-applies}).
 */
public enum Analysis implements Word {
    /** The gateways, when each started, their phases: every other analysis's time axis. */
    LAYOUT,
    FACTS,
    OUTCOME,
    ACTIVATION,
    CONFIG_APPLIES,
    HARNESS_LAG,
    TRAFFIC,
    RESOURCES,
    GATEWAY_METRICS,
    FAULTS,
    LONG_CONNECTIONS,
    /** Each gateway over its repetitions: medians and 95% intervals. */
    REPETITIONS,
    ROUTE_WRITES,
    /** The isolation checks: each verdict judged again from its events, with its evidence. */
    ISOLATION,
    DIAGNOSTICS,
    /** What exactly ran: harness, machine and gateway versions. */
    VERSIONS,
    /** The scenario's assertions, as judged during the run. */
    ASSERTIONS,
    NOTES;

    @Override
    public String toString() {
        return word();
    }
}
