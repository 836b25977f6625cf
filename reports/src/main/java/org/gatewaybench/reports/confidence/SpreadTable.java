package org.gatewaybench.reports.confidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.reports.FigureFormat;

/**
 * The repeated figures of several gateways side by side, as the human reports show them: per
 * figure each gateway's median with its interval, and what the intervals can show. One model for
 * report.html, summary.md and a study's page, which only differ in markup.
 *
 * @param rows one per figure that at least one gateway has, in {@link RepeatedFigure} order
 */
public record SpreadTable(List<String> gateways, List<Row> rows) {

    /**
     * One figure: per gateway (in {@link #gateways()} order) its spread or none, and the verdict.
     *
     * @param verdict what the intervals show, or null with fewer than two gateways
     */
    public record Row(RepeatedFigure figure, List<Optional<FigureSpread>> cells, String verdict) {
    }

    /** The table of {@code gateways}; {@code source} names what the figures come from ("this run"). */
    public static SpreadTable of(List<GatewayRepetitions> gateways, String source) {
        List<Row> rows = new ArrayList<>();
        for (RepeatedFigure figure : RepeatedFigure.values()) {
            List<Optional<FigureSpread>> cells = new ArrayList<>();
            List<Differences.Entry> entries = new ArrayList<>();
            for (GatewayRepetitions g : gateways) {
                Optional<FigureSpread> spread = g.figure(figure);
                cells.add(spread);
                spread.ifPresent(s -> entries.add(new Differences.Entry(g.gateway(), s)));
            }
            if (!entries.isEmpty()) {
                rows.add(new Row(figure, cells, Differences.describe(figure, entries, source)));
            }
        }
        return new SpreadTable(gateways.stream().map(GatewayRepetitions::gateway).toList(), rows);
    }

    /** The median of a spread as the reports write it. */
    public static String median(FigureSpread s) {
        return s.figure().format(s.interval().median());
    }

    /** The interval as the reports write it: "9.9–10.3", or "–" when unknown. */
    public static String interval(FigureSpread s) {
        Interval i = s.interval();
        return i.bounded() ? s.figure().format(i.low()) + "–" + s.figure().format(i.high())
                : FigureFormat.NONE;
    }
}
