package org.gatewaybench.core.journal;

import java.util.List;
import org.gatewaybench.core.Word;

/** How much a note of the journal matters to the person reading the report. */
public enum NoteLevel implements Word {
    INFO,
    WARNING {
        @Override
        public List<String> formerWords() {
            return List.of("warn"); // schema 1 wrote both
        }
    },
    ERROR;

    /** The word, so that text built from a constant reads as the journal does. */
    @Override
    public String toString() {
        return word();
    }
}
