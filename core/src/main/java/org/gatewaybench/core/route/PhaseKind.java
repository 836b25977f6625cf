package org.gatewaybench.core.route;

import org.gatewaybench.core.Word;

/**
 * The kinds of churn phase: build up a population, change it at a steady rate, take it all down;
 * and the setup that creates the stable routes before the churn.
 */
public enum PhaseKind implements Word {
    /** Create routes at a rate until a population exists. */
    RAMP,
    /** Update, delete and create in turn at a rate, keeping a population. */
    STEADY,
    /** Delete every route at a rate. */
    DELETE_ALL,
    /** Create the stable routes, before the churn and untouched by it (index -1 in the journal). */
    SETUP;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
