package org.gatewaybench.scenarios.churn;

/** The three route writes. */
public enum OpKind {
    CREATE, UPDATE, DELETE;

    /** The word written in journals. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
