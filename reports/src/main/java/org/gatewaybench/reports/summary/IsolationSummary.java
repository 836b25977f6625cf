package org.gatewaybench.reports.summary;

import java.util.Map;
import java.util.TreeMap;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.analysis.CheckOutcome;

/**
 * One isolation check of one gateway in summary.json: its verdict, why, and the evidence figures
 * it was judged on (counts, milliseconds, ratios; named in docs/journal.md).
 *
 * @param writes   route writes the check made
 * @param requests requests it sent through the data plane
 */
public record IsolationSummary(IsolationCheck check, Verdict verdict, String reason, Map<String, Double> figures,
                               int writes, int requests) {

    static IsolationSummary of(CheckOutcome c) {
        return new IsolationSummary(c.check(), c.verdict(), c.reason(), new TreeMap<>(c.figures()), c.writes(),
                c.requests());
    }
}
