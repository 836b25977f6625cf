package org.gatewaybench.core.journal;

/**
 * Where a run's events go. Thread-safe: probes, the churn engine and gateway drivers append
 * concurrently; the order of lines is the order of appends.
 */
public interface Journal {

    /**
     * The version of the event schema written into {@link Events.RunStarted#schema()}. 2: typed
     * words (same JSON) and the probe's rule in run-started; schema 1 journals still read.
     */
    int SCHEMA_VERSION = 2;

    void append(Event event);
}
