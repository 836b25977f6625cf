package org.gatewaybench.reports.html;

import org.gatewaybench.reports.analysis.AnalysisFailedException;
import org.gatewaybench.reports.analysis.RunAnalysis;

/**
 * One section of report.html. The page renders each on its own: a section that throws (most often
 * an {@link AnalysisFailedException}: an analysis it shows failed) is replaced by a note naming it
 * and why, and the others are shown as usual.
 */
interface Section {

    /** The section's heading, also what the page names when the section cannot be shown. */
    String title();

    /**
     * Appends the section, or nothing when the run has nothing for it. All text from the journal
     * is escaped ({@link Html#escape}); nothing is fetched and no script is written.
     */
    void append(StringBuilder h, RunAnalysis analysis);
}
