package org.gatewaybench.reports.markdown;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.reports.analysis.CheckOutcome;
import org.gatewaybench.reports.analysis.GatewayIsolation;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** The isolation part of summary.md: the matrix gateway x check, then each finding's reason. */
final class IsolationMarkdown {

    private IsolationMarkdown() {
    }

    /** Appends the part, or nothing when the run had no isolation checks. */
    static void append(StringBuilder md, RunAnalysis analysis) {
        Map<String, GatewayIsolation> isolation = analysis.isolation();
        Set<IsolationCheck> checks = EnumSet.noneOf(IsolationCheck.class);
        isolation.values().forEach(g -> g.checks().forEach(c -> checks.add(c.check())));
        if (checks.isEmpty()) {
            return;
        }
        List<String> gateways = analysis.gateways();
        md.append("\n## Tenant isolation\n\n")
                .append("Tenant B against tenant A's traffic, judged through the data plane: held (A unaffected), ")
                .append("refused (B's write rejected, A unaffected), violated, degraded, not-applicable, ")
                .append("inconclusive. Evidence is in report.html.\n\n");
        String[] head = new String[checks.size() + 1];
        head[0] = "gateway";
        int i = 1;
        for (IsolationCheck c : checks) {
            head[i++] = c.word();
        }
        MarkdownWriter.row(md, head);
        MarkdownWriter.separator(md, head.length);
        for (String gateway : gateways) {
            GatewayIsolation g = isolation.get(gateway);
            String[] row = new String[head.length];
            row[0] = MarkdownWriter.text(gateway);
            int k = 1;
            for (IsolationCheck c : checks) {
                row[k++] = g.of(c).map(o -> o.verdict().finding() ? "**" + o.verdict().word() + "**"
                        : o.verdict().word()).orElse("–");
            }
            MarkdownWriter.row(md, row);
        }
        md.append('\n');
        for (String gateway : gateways) {
            for (CheckOutcome o : isolation.get(gateway).checks()) {
                if (o.verdict().finding()) {
                    md.append("- ").append(MarkdownWriter.text(gateway)).append(' ').append(o.check().word())
                            .append(" **").append(o.verdict().word()).append("**: ")
                            .append(MarkdownWriter.text(o.reason())).append('\n');
                }
            }
        }
    }
}
