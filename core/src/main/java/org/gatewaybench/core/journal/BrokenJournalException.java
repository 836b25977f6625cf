package org.gatewaybench.core.journal;

import java.io.IOException;

/**
 * A journal line before the last that is no event: the journal is bad input, not a run cut short
 * (a partial last line is). The message names the file and the line.
 */
public final class BrokenJournalException extends IOException {

    BrokenJournalException(String message) {
        super(message);
    }
}
