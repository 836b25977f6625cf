package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.Event;

/**
 * An analysis fed a journal's events one at a time, in journal order, during the one replay of the
 * run: it keeps running figures, never the events, and gives its result after the last.
 */
interface Fold {

    void accept(Event event);
}
