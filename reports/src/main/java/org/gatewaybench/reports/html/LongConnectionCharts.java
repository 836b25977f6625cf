package org.gatewaybench.reports.html;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis.GatewayFigures;
import org.gatewaybench.reports.analysis.PhaseSpan;

/** The long-connection charts as inline SVG: drops per kind, delay from config apply, timeline, population. */
final class LongConnectionCharts {

    private static final Map<ConnectionKind, String> KIND_COLOURS = Map.of(ConnectionKind.WEBSOCKET, "#0072b2",
            ConnectionKind.HTTP1, "#009e73", ConnectionKind.SSE, "#d55e00", ConnectionKind.H2C, "#cc79a7");
    private static final Map<DropCause, String> CAUSE_COLOURS = Map.of(DropCause.CLOSED, "#0072b2",
            DropCause.RESET, "#d55e00", DropCause.STALLED, "#e69f00", DropCause.GARBLED, "#cc79a7",
            DropCause.ERROR_ANSWER, "#6b4c9a");
    private static final String OTHER = "#7f7f7f";
    private static final double STRIP = 14;
    /** Config-apply lines are drawn through a chart only when they are at least this many pixels apart on average. */
    private static final double MIN_LINE_GAP = 8;

    private LongConnectionCharts() {
    }

    /** The kinds present, in the probe's order. */
    private static List<ConnectionKind> kinds(Collection<ConnectionKind> present) {
        return present.stream().distinct().sorted().toList();
    }

    private static List<String> words(List<? extends Word> words) {
        return words.stream().map(Word::word).toList();
    }

    static String kindColour(ConnectionKind kind) {
        return KIND_COLOURS.getOrDefault(kind, OTHER);
    }

    /** Drops per connection kind: a group per kind, a bar per gateway. */
    static String dropsByKind(Map<String, GatewayFigures> figures, List<String> gateways, List<String> colours) {
        List<ConnectionKind> kinds = kinds(figures.values().stream().flatMap(f -> f.kinds().keySet().stream()).toList());
        long[][] drops = new long[gateways.size()][kinds.size()];
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayFigures f = figures.get(gateways.get(g));
            for (int k = 0; k < kinds.size(); k++) {
                LongConnectionAnalysis.KindFigures kf = f.kinds().get(kinds.get(k));
                drops[g][k] = kf == null ? 0 : kf.drops();
            }
            labels.add(gateways.get(g) + " (" + f.drops() + " drops)");
        }
        return bars("Long-connection drops per kind and gateway", words(kinds), labels, colours, drops,
                "connection kind", "drops", "no connection dropped");
    }

    /** Drops by the delay from the config apply that retired their connection: a group per bucket, a bar per gateway. */
    static String delayFromApply(Map<String, GatewayFigures> figures, List<String> gateways, List<String> colours) {
        List<String> buckets = bucketLabels();
        long[][] drops = new long[gateways.size()][buckets.size()];
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayFigures f = figures.get(gateways.get(g));
            long n = 0;
            for (int b = 0; b < buckets.size(); b++) {
                drops[g][b] = f.delayFromApply().get(b).drops();
                n += drops[g][b];
            }
            labels.add(gateways.get(g) + " (n=" + n + (f.dropsWithoutApply() > 0
                    ? ", " + f.dropsWithoutApply() + " without an apply" : "") + ")");
        }
        return bars("Delay from the config apply that retired a connection to its drop", buckets, labels, colours,
                drops, "time from the config apply to the drop", "drops", "no drop followed a config apply");
    }

    /** Every drop of one gateway, in a lane per kind, coloured by cause, under a strip of config applies. */
    static String timeline(String gateway, GatewayFigures f, List<PhaseSpan> phases, double endSeconds) {
        List<ConnectionKind> kinds = kinds(f.kinds().keySet());
        int height = 120 + 40 * kinds.size();
        double top = Plot.TOP + STRIP + 10;
        Plot plot = new Plot(Charts.WIDTH, height, "Long-connection drops over time: " + gateway,
                new LinearScale(0, endSeconds, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new CategoryScale(words(kinds), top, height - Plot.BOTTOM));
        plot.frame("seconds since the gateway started", "kind");
        applyStrip(plot, f, top);
        phaseLines(plot, phases, top);
        CategoryScale lanes = (CategoryScale) plot.y;
        TreeSet<DropCause> causes = new TreeSet<>();
        int stride = Math.max(1, (f.timeline().size() + Charts.MAX_MARKS - 1) / Charts.MAX_MARKS);
        for (int i = 0; i < f.timeline().size(); i += stride) {
            LongConnectionAnalysis.DropMark d = f.timeline().get(i);
            causes.add(d.cause());
            // Spread drops of one moment across the lane, the same way on every render.
            double jitter = ((d.connection() * 2654435761L) % 1000 + 1000) % 1000 / 1000.0 - 0.5;
            double y = lanes.pixel(kinds.indexOf(d.kind())) + jitter * 0.6 * Math.abs(lanes.band());
            String retired = d.retiringApply() < 0 ? "no config apply while it was open"
                    : "config apply " + d.retiringApply() + " " + FigureFormat.millis(d.sinceRetiringApplyNanos())
                    + " ms before retired it";
            plot.svg.circle(plot.x.pixel(d.offsetNanos() / 1e9), y, 3.2, "dot drop", causeColour(d.cause()),
                    d.kind().word() + " connection " + d.connection() + " " + d.cause().word() + " at "
                            + FigureFormat.seconds(d.offsetNanos() / 1e9) + " s; " + retired);
        }
        if (stride > 1) {
            plot.svg.text(plot.right() - 4, plot.bottom() - 6, "one drop in " + stride + " shown", "strip-label",
                    "end", 0);
        }
        if (f.timeline().isEmpty()) {
            noData(plot, "no connection dropped");
        }
        List<String> labels = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (DropCause cause : causes) {
            labels.add(cause.word());
            colours.add(causeColour(cause));
        }
        return plot.legend(labels, colours).end();
    }

    /**
     * Connections open over time (solid) against the probe's target (dashed), in a band per kind so
     * that kinds with the same target do not hide each other, under the config applies.
     */
    static String population(String gateway, GatewayFigures f, List<PhaseSpan> phases, double endSeconds) {
        List<ConnectionKind> kinds = kinds(f.population().keySet());
        int height = 130 + 64 * Math.max(1, kinds.size());
        double top = Plot.TOP + STRIP + 10;
        Plot plot = new Plot(Charts.WIDTH, height, "Long connections held over time: " + gateway,
                new LinearScale(0, endSeconds, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new CategoryScale(kinds.isEmpty() ? List.of("") : words(kinds), top, height - Plot.BOTTOM));
        plot.frame("seconds since the gateway started", "open");
        applyStrip(plot, f, top);
        phaseLines(plot, phases, top);
        CategoryScale bands = (CategoryScale) plot.y;
        double half = Math.abs(bands.band()) / 2 - 7;
        List<String> labels = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            ConnectionKind kind = kinds.get(k);
            List<LongConnectionAnalysis.PopulationPoint> points = f.population().get(kind);
            int full = 1;
            for (LongConnectionAnalysis.PopulationPoint p : points) {
                full = Math.max(full, Math.max(p.target(), p.open()));
            }
            double bandBottom = bands.pixel(k) + half;
            double scale = 2 * half / full;
            plot.svg.line(plot.left(), bandBottom, plot.right(), bandBottom, "axis");
            List<double[]> open = new ArrayList<>();
            List<double[]> target = new ArrayList<>();
            for (LongConnectionAnalysis.PopulationPoint p : points) {
                double x = plot.x.pixel(p.offsetNanos() / 1e9);
                if (!open.isEmpty()) { // a step: a sample holds until the next one
                    open.add(new double[] {x, open.get(open.size() - 1)[1]});
                }
                open.add(new double[] {x, bandBottom - p.open() * scale});
                target.add(new double[] {x, bandBottom - p.target() * scale});
            }
            plot.svg.polyline(target, "target", kindColour(kind));
            plot.svg.polyline(open, "pop", kindColour(kind));
            plot.svg.text(plot.right() - 4, bandBottom - 2 * half - 3, String.valueOf(full), "tick", "end", 0);
            plot.svg.text(plot.right() - 4, bandBottom - 3, "0", "tick", "end", 0);
            int lowest = points.stream().mapToInt(LongConnectionAnalysis.PopulationPoint::open).min().orElse(0);
            labels.add(kind.word() + " (target " + points.get(points.size() - 1).target() + ", lowest sample " + lowest + ")");
            colours.add(kindColour(kind));
        }
        if (kinds.isEmpty()) {
            noData(plot, "no population sample");
        }
        return plot.legend(labels, colours).end();
    }

    /** The end of the time axis of a gateway's charts: its last drop, apply, sample or phase end. */
    static double endSeconds(GatewayFigures f, List<PhaseSpan> phases) {
        long end = 1_000_000_000L;
        for (LongConnectionAnalysis.DropMark d : f.timeline()) {
            end = Math.max(end, d.offsetNanos());
        }
        for (LongConnectionAnalysis.ApplyMark a : f.applies()) {
            end = Math.max(end, a.offsetNanos());
        }
        for (List<LongConnectionAnalysis.PopulationPoint> points : f.population().values()) {
            for (LongConnectionAnalysis.PopulationPoint p : points) {
                end = Math.max(end, p.offsetNanos());
            }
        }
        double seconds = end / 1e9;
        for (PhaseSpan p : phases) {
            seconds = Math.max(seconds, p.ended() ? p.endSeconds() : p.startSeconds());
        }
        return seconds;
    }

    private static void applyStrip(Plot plot, GatewayFigures f, double top) {
        double stripTop = Plot.TOP;
        plot.svg.rect(plot.left(), stripTop, plot.right() - plot.left(), STRIP, "strip", null);
        // Lines down through the plot only while they stay apart; a runtime API applies every write.
        boolean lines = f.applies().size() <= (plot.right() - plot.left()) / MIN_LINE_GAP;
        double lastTick = Double.NEGATIVE_INFINITY;
        for (LongConnectionAnalysis.ApplyMark a : f.applies()) {
            double x = plot.x.pixel(a.offsetNanos() / 1e9);
            if (lines) {
                plot.svg.line(x, top, x, plot.bottom(), "apply-line");
            }
            if (x - lastTick >= 1) { // one tick per pixel column is enough
                plot.svg.rect(x - 0.75, stripTop + 1, 1.5, STRIP - 2, "apply-tick", null);
                lastTick = x;
            }
        }
        String mechanisms = String.join(", ", new TreeSet<>(f.applies().stream()
                .map(LongConnectionAnalysis.ApplyMark::mechanism).filter(m -> m != null).toList()));
        plot.svg.text(plot.right() - 4, stripTop - 4, "config applies (" + f.applies().size()
                + (mechanisms.isEmpty() ? "" : ", " + mechanisms) + ")", "strip-label", "end", 0);
    }

    private static void phaseLines(Plot plot, List<PhaseSpan> phases, double top) {
        double labelEnd = Double.NEGATIVE_INFINITY;
        for (PhaseSpan p : phases) {
            double px = plot.x.pixel(p.startSeconds());
            plot.svg.line(px, top, px, plot.bottom(), "phase");
            if (px >= labelEnd) { // a label that would overlap the one before is left to the line
                plot.svg.text(px + 4, plot.bottom() - 6, p.phase(), "phase-label", "start", 0);
                labelEnd = px + 10 + 6.5 * p.phase().length();
            }
        }
    }

    /** Grouped bars: a group per category, a bar per series; counts written above the bars. */
    private static String bars(String title, List<String> categories, List<String> series, List<String> colours,
                               long[][] values, String xTitle, String yTitle, String empty) {
        long max = 0;
        for (long[] row : values) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        int height = 320;
        CategoryScale x = new CategoryScale(categories, Plot.LEFT, Charts.WIDTH - Plot.RIGHT);
        // At least 5 on the axis keeps its ticks whole numbers.
        Plot plot = new Plot(Charts.WIDTH, height, title, x,
                new LinearScale(0, Math.max(5, max) * 1.08, height - Plot.BOTTOM, Plot.TOP, ""));
        plot.frame(xTitle, yTitle);
        double group = x.band() * 0.72;
        double bar = group / Math.max(1, series.size());
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                long v = values[s][c];
                double left = x.pixel(c) - group / 2 + s * bar;
                double y = plot.y.pixel(v);
                if (v > 0) {
                    plot.svg.rect(left + 1, y, Math.max(1, bar - 2), plot.bottom() - y, "bar", colours.get(s));
                }
                plot.svg.text(left + bar / 2, y - 4, String.valueOf(v), "bar-label", "middle", 0);
            }
        }
        if (max == 0) {
            noData(plot, empty);
        }
        return plot.legend(series, colours).end();
    }

    /** Labels of the delay buckets: "< 100 ms", "100 ms–500 ms", ..., "≥ 30 s". */
    static List<String> bucketLabels() {
        List<Duration> bounds = LongConnectionAnalysis.DELAY_BUCKETS;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
            if (i == 0) {
                labels.add("< " + duration(bounds.get(0)));
            } else if (i == bounds.size()) {
                labels.add("≥ " + duration(bounds.get(i - 1)));
            } else {
                labels.add(duration(bounds.get(i - 1)) + "–" + duration(bounds.get(i)));
            }
        }
        return labels;
    }

    private static String duration(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : FigureFormat.significant(d.toMillis() / 1000.0) + " s";
    }

    private static String causeColour(DropCause cause) {
        return CAUSE_COLOURS.getOrDefault(cause, OTHER);
    }

    private static void noData(Plot plot, String message) {
        plot.svg.text((plot.left() + plot.right()) / 2, (Plot.TOP + plot.bottom()) / 2, message, "no-data",
                "middle", 0);
    }
}
