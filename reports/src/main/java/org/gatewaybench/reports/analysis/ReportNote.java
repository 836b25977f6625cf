package org.gatewaybench.reports.analysis;

import org.gatewaybench.core.journal.NoteLevel;

/**
 * Something a reader of the report must know: a Note of the journal, or a finding of the analyses
 * that qualifies the figures (cut-short journal, writes without verdict, harness lag).
 *
 * @param gateway the gateway it concerns, or null for the whole run
 */
public record ReportNote(NoteLevel level, String gateway, String message) {
}
