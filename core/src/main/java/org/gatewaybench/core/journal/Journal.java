package org.gatewaybench.core.journal;

/**
 * Where a run's events go. Thread-safe: probes, the churn engine and gateway drivers append
 * concurrently; the order of lines is the order of appends.
 */
public interface Journal {

    /** The version of the event schema written into {@link Events.RunStarted#schema()}. */
    int SCHEMA_VERSION = 1;

    void append(Event event);
}
