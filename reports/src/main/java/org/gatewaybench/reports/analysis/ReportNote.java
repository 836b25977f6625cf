package org.gatewaybench.reports.analysis;

/**
 * Something a reader of the report must know: a Note of the journal, or a finding of the analyses
 * that qualifies the figures (cut-short journal, writes without verdict, harness lag).
 *
 * @param level   info, warning or error
 * @param gateway the gateway it concerns, or null for the whole run
 */
public record ReportNote(String level, String gateway, String message) {
}
