package org.gatewaybench.reports.html;

import java.util.List;
import java.util.Optional;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.confidence.Bootstrap;
import org.gatewaybench.reports.confidence.FigureSpread;
import org.gatewaybench.reports.confidence.GatewayRepetitions;
import org.gatewaybench.reports.confidence.SpreadTable;

/** Each gateway's figures over its repetitions: medians, 95% intervals and what they can show. */
record ConfidenceSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        List<GatewayRepetitions> gateways = List.copyOf(a.repetitions().values());
        if (gateways.isEmpty()) {
            return;
        }
        int most = gateways.stream().mapToInt(g -> g.repetitions().size()).max().orElse(1);
        Markup.open(h, null, title(), lead(most));
        h.append(table(SpreadTable.of(gateways, "this run")));
        h.append("</section>\n");
    }

    static String lead(int repetitions) {
        String how = "Median and 95% confidence interval (bootstrap, " + Bootstrap.RESAMPLES + " resamples, seeded: "
                + "the same journal gives the same intervals). Percentiles are resampled over each repetition's "
                + "routes";
        return repetitions > 1
                ? "Each gateway ran " + repetitions + " times, interleaved (a b a b ...) so that drift over time "
                        + "favours none; each repetition's own figures are in the tables above. " + how
                        + " and over the repetitions; counts and maxima over the repetitions. Latencies in ms."
                : "Each gateway ran once: the intervals show how the percentiles vary over this run's routes, not "
                        + "from run to run (run --repeat N for that); a count has no interval. " + how
                        + ". Latencies in ms.";
    }

    /** The spread table as HTML: a column per gateway, a row per figure, the verdict last. */
    static String table(SpreadTable spread) {
        String[] headers = new String[spread.gateways().size() + 2];
        headers[0] = "figure";
        for (int g = 0; g < spread.gateways().size(); g++) {
            headers[g + 1] = spread.gateways().get(g) + " (95% interval)";
        }
        headers[headers.length - 1] = "what the intervals show";
        Table t = new Table(headers);
        for (SpreadTable.Row row : spread.rows()) {
            String[] cells = new String[headers.length];
            cells[0] = Html.escape(row.figure().label());
            for (int g = 0; g < row.cells().size(); g++) {
                Optional<FigureSpread> s = row.cells().get(g);
                cells[g + 1] = s.map(f -> "<b>" + SpreadTable.median(f) + "</b> <span class=\"ci\">"
                        + SpreadTable.interval(f) + "</span>").orElse(FigureFormat.NONE);
            }
            cells[cells.length - 1] = row.verdict() == null ? FigureFormat.NONE
                    : "<span class=\"verdict\">" + Html.escape(row.verdict()) + "</span>";
            t.row(cells);
        }
        return t.html();
    }
}
