package org.gatewaybench.reports.markdown;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;
import org.gatewaybench.reports.analysis.RunAnalysis;

/** The long-connection part of summary.md: drops per gateway and kind, and per route change and config apply. */
final class LongConnectionMarkdown {

    private LongConnectionMarkdown() {
    }

    /** Appends the section, or nothing when the run held no long connections. */
    static void append(StringBuilder md, RunAnalysis analysis) {
        LongConnectionAnalysis.Figures figures = analysis.longConnections();
        if (!figures.any()) {
            return;
        }
        List<String> gateways = analysis.gateways().stream().filter(figures.gateways()::containsKey).toList();
        md.append("\n## Long connections\n\n")
                .append("Connections held to stable routes while the churn ran. A drop is a connection that ended or ")
                .append("stalled without the probe asking; the probe then reconnects.\n\n");
        MarkdownWriter.row(md, "gateway", "drops", "route changes", "drops per 1,000 route changes", "config applies",
                "drops per config apply", "failed reconnects", "drops without a config apply");
        MarkdownWriter.separator(md, 8);
        for (String gateway : gateways) {
            LongConnectionAnalysis.GatewayFigures f = figures.gateways().get(gateway);
            long failedReconnects = f.kinds().values().stream()
                    .mapToLong(LongConnectionAnalysis.KindFigures::failedReconnects).sum();
            MarkdownWriter.row(md, MarkdownWriter.text(gateway), String.valueOf(f.drops()),
                    String.valueOf(f.routeChanges()), rate(f.dropsPer1000RouteChanges()),
                    String.valueOf(f.configApplies()), rate(f.dropsPerConfigApply()), String.valueOf(failedReconnects),
                    String.valueOf(f.dropsWithoutApply()));
        }
        md.append('\n');
        MarkdownWriter.row(md, "gateway", "kind", "held", "opened", "drops", "causes", "failed reconnects",
                "failed first opens");
        MarkdownWriter.separator(md, 8);
        for (String gateway : gateways) {
            Map<ConnectionKind, LongConnectionAnalysis.KindFigures> kinds = figures.gateways().get(gateway).kinds();
            for (ConnectionKind kind : kinds.keySet()) {
                LongConnectionAnalysis.KindFigures k = kinds.get(kind);
                MarkdownWriter.row(md, MarkdownWriter.text(gateway), MarkdownWriter.text(kind.word()),
                        String.valueOf(k.target()), String.valueOf(k.opened()), String.valueOf(k.drops()),
                        causes(k.dropsByCause()), String.valueOf(k.failedReconnects()),
                        String.valueOf(k.failedOpens()));
            }
        }
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? FigureFormat.NONE : FigureFormat.significant(v);
    }

    private static String causes(Map<DropCause, Long> byCause) {
        if (byCause.isEmpty()) {
            return FigureFormat.NONE;
        }
        return byCause.entrySet().stream()
                .map(e -> MarkdownWriter.text(e.getKey().word()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
