package org.gatewaybench.scenarios.model;

/**
 * Words several fields share. Names are DNS labels, so that they can name Kubernetes objects too.
 */
final class Names {

    static final String PATTERN = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    /** A churn phase's name, in every phase kind. */
    static final String PHASE_HELP = "the phase's name in reports (default: its kind)";
    static final String PHASE_FORM = "a lower-case name like steady-churn";
    /** The highest rate of route writes a phase may ask for, per second. */
    static final double MAX_RATE = 100_000;

    private Names() {
    }
}
