package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.GatewayFaults;
import org.gatewaybench.reports.analysis.GatewayResources;
import org.gatewaybench.reports.analysis.GatewayTraffic;
import org.gatewaybench.reports.analysis.OpVerdict;

/** Charts of traffic, resources and faults as inline SVG, one {@code <svg>} each. */
final class ChaosCharts {

    private static final String ERROR_RED = "#c0392b";
    private static final String POLL_ORANGE = "#e67e22";
    private static final String[] LINE_COLOURS = {"#1f77b4", "#d62728", "#7f7f7f", "#2ca02c", "#9467bd"};

    private ChaosCharts() {
    }

    /** Traffic latency per window (p50, p99, max in ms) with failed requests as red bars, fault spans shaded. */
    static String trafficOverTime(GatewayTraffic traffic, GatewayFaults faults) {
        double end = 1;
        double maxMs = 1;
        long maxKo = 0;
        for (GatewayTraffic.Window w : traffic.windows()) {
            end = Math.max(end, w.endSeconds());
            maxMs = Math.max(maxMs, w.maxMs());
            maxKo = Math.max(maxKo, w.ko());
        }
        int height = 340;
        Plot plot = new Plot(Charts.WIDTH, height, "Traffic latency over time: " + traffic.gateway(),
                new LinearScale(0, end, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new LinearScale(0, maxMs, height - Plot.BOTTOM, Plot.TOP, ""));
        plot.frame("seconds since the gateway started (answers completed, 1 s windows)", "latency (ms)");
        shadeFaults(plot, faults);
        for (GatewayTraffic.Window w : traffic.windows()) {
            if (w.ko() > 0) {
                double h = (plot.bottom() - plot.top()) * 0.35 * w.ko() / maxKo;
                double x1 = plot.x.pixel(w.startSeconds());
                double x2 = plot.x.pixel(w.endSeconds());
                plot.svg.rect(x1, plot.bottom() - h, Math.max(1, x2 - x1 - 1), h, "ko-bar", ERROR_RED);
            }
        }
        String[] names = {"p50", "p99", "max"};
        for (int s = 0; s < names.length; s++) {
            List<double[]> points = new ArrayList<>();
            for (GatewayTraffic.Window w : traffic.windows()) {
                long ms = s == 0 ? w.p50Ms() : s == 1 ? w.p99Ms() : w.maxMs();
                if (ms >= 0) {
                    points.add(new double[] {plot.x.pixel((w.startSeconds() + w.endSeconds()) / 2), plot.y.pixel(ms)});
                }
            }
            if (!points.isEmpty()) {
                plot.svg.polyline(points, "series", LINE_COLOURS[s]);
            }
        }
        if (traffic.windows().isEmpty()) {
            plot.svg.text((plot.left() + plot.right()) / 2, (plot.top() + plot.bottom()) / 2, "no traffic window",
                    "no-data", "middle", 0);
        }
        return plot.legend(List.of("p50", "p99", "max", "failed requests (up to " + maxKo + " per window)", "fault"),
                List.of(LINE_COLOURS[0], LINE_COLOURS[1], LINE_COLOURS[2], ERROR_RED, "#f4c542")).end();
    }

    /** Resident memory (MiB) of each component over time, and its worker and draining-worker counts. */
    static String resources(GatewayResources resources, GatewayFaults faults) {
        double end = 1;
        double maxMib = 1;
        int maxWorkers = 1;
        for (GatewayResources.Component c : resources.components().values()) {
            for (GatewayResources.Sample s : c.samples()) {
                end = Math.max(end, s.seconds());
                maxMib = Math.max(maxMib, s.rssBytes() / 1048576.0);
                maxWorkers = Math.max(maxWorkers, s.workers() + s.drainingWorkers());
            }
        }
        int height = 340;
        Plot plot = new Plot(Charts.WIDTH, height, "Resident memory and workers: " + resources.gateway(),
                new LinearScale(0, end, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new LinearScale(0, maxMib * 1.1, height - Plot.BOTTOM, Plot.TOP, ""));
        plot.frame("seconds since the gateway started", "resident memory (MiB); workers scaled to the top");
        shadeFaults(plot, faults);
        List<String> labels = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        int i = 0;
        for (GatewayResources.Component c : resources.components().values()) {
            List<double[]> rss = new ArrayList<>();
            List<double[]> workers = new ArrayList<>();
            List<double[]> draining = new ArrayList<>();
            for (GatewayResources.Sample s : c.samples()) {
                double px = plot.x.pixel(s.seconds());
                rss.add(new double[] {px, plot.y.pixel(s.rssBytes() / 1048576.0)});
                workers.add(new double[] {px, plot.y.pixel(maxMib * s.workers() / maxWorkers)});
                draining.add(new double[] {px, plot.y.pixel(maxMib * s.drainingWorkers() / maxWorkers)});
            }
            String colour = LINE_COLOURS[(3 * i) % LINE_COLOURS.length];
            plot.svg.polyline(rss, "series", colour);
            plot.svg.polyline(workers, "series thin", LINE_COLOURS[(3 * i + 3) % LINE_COLOURS.length]);
            plot.svg.polyline(draining, "series thin", LINE_COLOURS[(3 * i + 4) % LINE_COLOURS.length]);
            labels.add(c.name() + " RSS (peak " + FigureFormat.significant(c.peakRssBytes() / 1048576.0) + " MiB)");
            colours.add(colour);
            labels.add(c.name() + " workers (peak " + c.peakWorkers() + ")");
            colours.add(LINE_COLOURS[(3 * i + 3) % LINE_COLOURS.length]);
            labels.add("draining (peak " + c.peakDrainingWorkers() + ")");
            colours.add(LINE_COLOURS[(3 * i + 4) % LINE_COLOURS.length]);
            i++;
        }
        plot.svg.text(plot.right() - 4, plot.top() + 12, "workers: top of the axis = " + maxWorkers, "strip-label",
                "end", 0);
        return plot.legend(labels, colours).end();
    }

    /**
     * The fault timeline of one gateway: error signals per second (traffic errors, error polls) as
     * bars, connection drops as crosses, and activation latency of each write by its ack time, with
     * each fault's span shaded from its start to its heal.
     */
    static String faultTimeline(GatewayFaults faults, GatewayTraffic traffic, GatewayActivation activation) {
        double end = 1;
        for (FaultRecovery f : faults.faults()) {
            end = Math.max(end, f.healed() ? f.healSeconds() : f.startSeconds());
        }
        for (GatewayTraffic.Window w : traffic.windows()) {
            end = Math.max(end, w.endSeconds());
        }
        double minMs = Double.MAX_VALUE;
        double maxMs = 0;
        for (OpVerdict v : activation.ops()) {
            if (v.state() == OpVerdict.State.REACHED && v.expectsPresent()) {
                end = Math.max(end, v.ackedSeconds());
                if (v.latencyNanos() > 0) {
                    minMs = Math.min(minMs, v.latencyNanos() / 1e6);
                }
                maxMs = Math.max(maxMs, v.latencyNanos() / 1e6);
            }
        }
        for (double t : faults.errorPollSeconds()) {
            end = Math.max(end, t);
        }
        int seconds = (int) Math.ceil(end) + 1;
        long[] polls = new long[seconds];
        for (double t : faults.errorPollSeconds()) {
            polls[Math.min(seconds - 1, Math.max(0, (int) t))]++;
        }
        long maxCount = 1;
        for (long p : polls) {
            maxCount = Math.max(maxCount, p);
        }
        for (GatewayTraffic.Window w : traffic.windows()) {
            maxCount = Math.max(maxCount, w.ko());
        }
        int height = 420;
        double split = Plot.TOP + 150;
        Plot plot = new Plot(Charts.WIDTH, height, "Faults, errors and activation: " + activation.gateway(),
                new LinearScale(0, end, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new LogScale(minMs == Double.MAX_VALUE ? 1 : minMs, maxMs == 0 ? 10 : maxMs, height - Plot.BOTTOM,
                        split + 16));
        plot.frame("seconds since the gateway started", "activation latency (ms, log) | errors per second");
        shadeFaults(plot, faults);
        // Upper band: errors per second on a linear scale of its own.
        LinearScale counts = new LinearScale(0, maxCount, split, Plot.TOP + 14, "");
        plot.svg.line(plot.left(), split + 8, plot.right(), split + 8, "lane");
        plot.svg.text(plot.left() + 4, Plot.TOP + 10, "errors per second (max " + maxCount + ")", "strip-label",
                "start", 0);
        for (GatewayTraffic.Window w : traffic.windows()) {
            if (w.ko() > 0) {
                double x1 = plot.x.pixel(w.startSeconds());
                double x2 = plot.x.pixel(w.endSeconds());
                double y = counts.pixel(w.ko());
                plot.svg.rect(x1, y, Math.max(1, (x2 - x1) / 2 - 1), split - y, "ko-bar", ERROR_RED);
            }
        }
        for (int s = 0; s < seconds; s++) {
            if (polls[s] > 0) {
                double x1 = plot.x.pixel(s + 0.5);
                double x2 = plot.x.pixel(s + 1);
                double y = counts.pixel(polls[s]);
                plot.svg.rect(x1, y, Math.max(1, x2 - x1 - 1), split - y, "ko-bar", POLL_ORANGE);
            }
        }
        for (double t : faults.dropSeconds()) {
            plot.svg.cross(plot.x.pixel(t), Plot.TOP + 22, 4, "gave-up", "connection drop at "
                    + FigureFormat.seconds(t) + " s");
        }
        for (OpVerdict v : activation.ops()) {
            if (v.state() == OpVerdict.State.REACHED && v.expectsPresent()) {
                plot.svg.circle(plot.x.pixel(v.ackedSeconds()), plot.y.pixel(v.latencyNanos() / 1e6), 2.2, "dot",
                        LINE_COLOURS[0], v.kind() + " " + v.route() + ": " + FigureFormat.millis(v.latencyNanos()) + " ms");
            } else if (v.state() == OpVerdict.State.GAVE_UP) {
                plot.svg.cross(plot.x.pixel(v.ackedSeconds()), split + 8, 4, "gave-up",
                        v.kind() + " " + v.route() + ": probe gave up");
            }
        }
        for (FaultRecovery f : faults.faults()) {
            plot.svg.text(plot.x.pixel(f.startSeconds()) + 3, plot.bottom() - 6, "#" + f.fault() + " " + f.describe(),
                    "phase-label", "start", 0);
        }
        return plot.legend(List.of("traffic errors", "error polls", "connection drops", "activation latency", "fault"),
                List.of(ERROR_RED, POLL_ORANGE, "#c0392b", LINE_COLOURS[0], "#f4c542")).end();
    }

    static void shadeFaults(Plot plot, GatewayFaults faults) {
        if (faults == null) {
            return;
        }
        for (FaultRecovery f : faults.faults()) {
            double x1 = plot.x.pixel(f.startSeconds());
            double x2 = plot.x.pixel(f.healed() ? f.healSeconds() : f.startSeconds());
            plot.svg.rect(x1, plot.top(), Math.max(2, x2 - x1), plot.bottom() - plot.top(), "fault-span", null);
        }
    }
}
