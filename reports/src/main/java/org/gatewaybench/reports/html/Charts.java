package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ConfigApply;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.GatewayConfigApplies;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.reports.analysis.PhaseSpan;

/** The report's charts as inline SVG. Each takes figures of the analyses and returns one {@code <svg>}. */
final class Charts {

    static final int WIDTH = 1100;
    /** Above this many marks a chart shows every k-th one, to stay light in a browser. */
    static final int MAX_MARKS = 6000;
    private static final int CDF_POINTS = 800;

    private Charts() {
    }

    /** Activation latency CDF: one line per gateway, log x in ms, y the share of activated routes. */
    static String activationCdf(Map<String, GatewayActivation> activation, List<String> gateways) {
        List<long[]> sorted = new ArrayList<>();
        for (String gateway : gateways) {
            sorted.add(activation.get(gateway).ops().stream()
                    .filter(v -> v.state() == OpVerdict.State.REACHED && v.expectsPresent())
                    .mapToLong(OpVerdict::latencyNanos).sorted().toArray());
        }
        return activationCdf(gateways, sorted);
    }

    /** The activation latency CDF of each of {@code gateways}, from its latencies (ns, ascending). */
    static String activationCdf(List<String> gateways, List<long[]> sorted) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (long[] values : sorted) {
            for (long v : values) {
                if (v > 0) {
                    min = Math.min(min, v / 1e6);
                }
                max = Math.max(max, v / 1e6);
            }
        }
        int height = 420;
        Plot plot = new Plot(WIDTH, height, "Activation latency CDF per gateway",
                new LogScale(min == Double.MAX_VALUE ? 1 : min, max == 0 ? 10 : max, Plot.LEFT, WIDTH - Plot.RIGHT),
                new LinearScale(0, 100, height - Plot.BOTTOM, Plot.TOP, "%"));
        plot.frame("activation latency (ms, log scale)", "routes activated (%)");
        for (double guide : new double[] {50, 90, 99}) {
            double py = plot.y.pixel(guide);
            plot.svg.line(plot.left(), py, plot.right(), py, "guide");
            plot.svg.text(plot.right() - 4, py - 4, "p" + (int) guide, "guide-label", "end", 0);
        }
        List<String> labels = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int g = 0; g < gateways.size(); g++) {
            long[] values = sorted.get(g);
            labels.add(gateways.get(g) + " (n=" + values.length + ")");
            colours.add(Palette.colour(g));
            if (values.length == 0) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            int steps = Math.min(values.length, CDF_POINTS);
            double previousY = plot.y.pixel(0);
            for (int i = 1; i <= steps; i++) {
                int index = (int) Math.ceil((double) i * values.length / steps) - 1;
                double px = plot.x.pixel(values[index] / 1e6);
                double py = plot.y.pixel(100.0 * (index + 1) / values.length);
                points.add(new double[] {px, previousY}); // a step: the share rises at each latency
                points.add(new double[] {px, py});
                previousY = py;
            }
            plot.svg.polyline(points, "cdf", Palette.colour(g));
        }
        if (max == 0) {
            noData(plot, "no route was activated");
        }
        return plot.legend(labels, colours).end();
    }

    /**
     * Activation latency over time of one gateway: a dot per write at its t0, phases as dashed
     * boundaries, config applies as ticks in a strip above the plot (shaded where wide enough to see).
     */
    static String latencyOverTime(GatewayActivation activation, GatewayConfigApplies applies, List<PhaseSpan> phases,
                                  String colour) {
        List<OpVerdict> reached = new ArrayList<>();
        List<OpVerdict> gaveUp = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        double end = 1;
        for (OpVerdict v : activation.ops()) {
            if (!Double.isNaN(v.ackedSeconds())) {
                end = Math.max(end, v.ackedSeconds() + Math.max(0, v.latencyNanos()) / 1e9);
            }
            if (v.state() == OpVerdict.State.REACHED) {
                reached.add(v);
                if (v.latencyNanos() > 0) {
                    min = Math.min(min, v.latencyNanos() / 1e6);
                }
                max = Math.max(max, v.latencyNanos() / 1e6);
            } else if (v.state() == OpVerdict.State.GAVE_UP) {
                gaveUp.add(v);
            }
        }
        for (ConfigApply a : applies.applies()) {
            end = Math.max(end, a.startSeconds() + Math.max(0, a.durationNanos()) / 1e9);
        }
        for (PhaseSpan p : phases) {
            end = Math.max(end, p.ended() ? p.endSeconds() : p.startSeconds());
        }
        int height = 380;
        Plot plot = new Plot(WIDTH, height, "Activation latency over time: " + activation.gateway(),
                new LinearScale(0, end, Plot.LEFT, WIDTH - Plot.RIGHT, ""),
                new LogScale(min == Double.MAX_VALUE ? 1 : min, max == 0 ? 10 : max, height - Plot.BOTTOM,
                        Plot.TOP + 44));
        plot.frame("seconds since the gateway started (write acknowledged, t0)", "latency (ms, log scale)");
        double stripTop = Plot.TOP;
        double stripBottom = Plot.TOP + 14;
        double lane = stripBottom + 16; // the row of writes the probe gave up on, above all latencies
        plot.svg.rect(plot.left(), stripTop, plot.right() - plot.left(), stripBottom - stripTop, "strip", null);
        plot.svg.line(plot.left(), lane + 11, plot.right(), lane + 11, "lane");
        plot.svg.text(plot.left() - 8, lane + 4, "gave up", "tick", "end", 0);
        // One tick per pixel column the applies cover (failed wins): a runtime API applies tens of
        // thousands of batches in a large run, and more ticks would only repeat pixels.
        Map<Integer, Boolean> failedByColumn = new TreeMap<>();
        for (ConfigApply a : applies.applies()) {
            double x1 = plot.x.pixel(a.startSeconds());
            double x2 = plot.x.pixel(a.startSeconds() + Math.max(0, a.durationNanos()) / 1e9);
            if (x2 - x1 >= 2) {
                plot.svg.rect(x1, stripBottom, x2 - x1, plot.bottom() - stripBottom, "apply-span", null);
            }
            for (int column = (int) Math.floor(x1); column <= Math.max(Math.floor(x1), Math.ceil(x2) - 1); column++) {
                failedByColumn.merge(column, !a.ok(), Boolean::logicalOr);
            }
        }
        failedByColumn.forEach((column, failed) -> plot.svg.rect(column, stripTop + 1, 1, stripBottom - stripTop - 2,
                failed ? "apply-tick failed" : "apply-tick", null));
        plot.svg.text(plot.right() - 4, stripTop - 4, "config applies (" + applies.applies().size() + ")",
                "strip-label", "end", 0);
        for (PhaseSpan p : phases) {
            double px = plot.x.pixel(p.startSeconds());
            plot.svg.line(px, stripBottom, px, plot.bottom(), "phase");
            String label = p.phase().equals(p.kind().word()) ? p.phase() : p.phase() + " (" + p.kind() + ")";
            plot.svg.text(px + 4, plot.bottom() - 6, label, "phase-label", "start", 0);
        }
        int stride = Math.max(1, (reached.size() + MAX_MARKS - 1) / MAX_MARKS);
        for (int i = 0; i < reached.size(); i += stride) {
            OpVerdict v = reached.get(i);
            boolean present = v.expectsPresent();
            plot.svg.circle(plot.x.pixel(v.ackedSeconds()), plot.y.pixel(v.latencyNanos() / 1e6), present ? 2.2 : 2,
                    present ? "dot" : "dot absent", present ? colour : null,
                    v.kind() + " " + v.route() + ": " + FigureFormat.millis(v.latencyNanos()) + " ms");
        }
        int gaveUpStride = Math.max(1, (gaveUp.size() + MAX_MARKS - 1) / MAX_MARKS);
        for (int i = 0; i < gaveUp.size(); i += gaveUpStride) {
            OpVerdict v = gaveUp.get(i);
            plot.svg.cross(plot.x.pixel(v.ackedSeconds()), lane, 4, "gave-up",
                    v.kind() + " " + v.route() + ": probe gave up");
        }
        List<String> labels = new ArrayList<>(List.of("activation (create, update)", "deactivation (delete)"));
        List<String> colours = new ArrayList<>(List.of(colour, "#9a9a9a"));
        if (!gaveUp.isEmpty()) {
            labels.add("probe gave up (" + gaveUp.size() + ")");
            colours.add("#c0392b");
        }
        if (stride > 1 || gaveUpStride > 1) {
            plot.svg.text(plot.right() - 4, plot.bottom() - 6, "one write in " + stride + " shown"
                    + (gaveUpStride > 1 ? ", one given-up write in " + gaveUpStride : ""), "strip-label", "end", 0);
        }
        if (reached.isEmpty()) {
            noData(plot, "no route reached its expected state");
        }
        return plot.legend(labels, colours).end();
    }

    /** Config apply duration against the routes the applied config held: a dot per apply, per gateway. */
    static String applyDurations(Map<String, GatewayConfigApplies> applies, List<String> gateways) {
        double maxRoutes = 1;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (String gateway : gateways) {
            for (ConfigApply a : applies.get(gateway).applies()) {
                if (a.finished()) {
                    maxRoutes = Math.max(maxRoutes, a.routes());
                    if (a.durationNanos() > 0) {
                        min = Math.min(min, a.durationNanos() / 1e6);
                    }
                    max = Math.max(max, a.durationNanos() / 1e6);
                }
            }
        }
        int height = 400;
        Plot plot = new Plot(WIDTH, height, "Config apply duration against routes in the config",
                new LinearScale(0, maxRoutes, Plot.LEFT, WIDTH - Plot.RIGHT, ""),
                new LogScale(min == Double.MAX_VALUE ? 1 : min, max == 0 ? 10 : max, height - Plot.BOTTOM, Plot.TOP));
        plot.frame("routes in the applied config", "apply duration (ms, log scale)");
        List<String> labels = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int g = 0; g < gateways.size(); g++) {
            GatewayConfigApplies ga = applies.get(gateways.get(g));
            List<ConfigApply> finished = ga.applies().stream().filter(ConfigApply::finished).toList();
            labels.add(gateways.get(g) + " (" + String.join(", ", ga.figures().mechanisms()) + ", n="
                    + finished.size() + ")");
            colours.add(Palette.colour(g));
            int stride = Math.max(1, (finished.size() + MAX_MARKS - 1) / MAX_MARKS);
            for (int i = 0; i < finished.size(); i += stride) {
                ConfigApply a = finished.get(i);
                double px = plot.x.pixel(a.routes());
                double py = plot.y.pixel(a.durationNanos() / 1e6);
                String tip = gateways.get(g) + " apply " + a.apply() + " (" + a.mechanism() + "): " + a.routes()
                        + " routes, " + FigureFormat.millis(a.durationNanos()) + " ms";
                if (a.ok()) {
                    plot.svg.circle(px, py, 2.6, "dot", Palette.colour(g), tip);
                } else {
                    plot.svg.cross(px, py, 4, "gave-up", tip + ", failed: " + a.detail());
                }
            }
        }
        int most = gateways.stream().mapToInt(g -> (int) applies.get(g).applies().stream().filter(ConfigApply::finished)
                .count()).max().orElse(0);
        if (most > MAX_MARKS) {
            plot.svg.text(plot.right() - 4, plot.bottom() - 6, "at most " + MAX_MARKS + " applies per gateway shown, "
                    + "evenly spaced", "strip-label", "end", 0);
        }
        if (max == 0) {
            noData(plot, "no config apply finished");
        }
        return plot.legend(labels, colours).end();
    }

    private static void noData(Plot plot, String message) {
        plot.svg.text((plot.left() + plot.right()) / 2, (Plot.TOP + plot.bottom()) / 2, message, "no-data",
                "middle", 0);
    }
}
