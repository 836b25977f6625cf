package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.isolation.IsolationJudge;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.CheckOutcome;

/**
 * The isolation checks' charts: the quiet tenants' writes by when they were written and how long
 * each took to go live, with B's action (its unloadable route, its storm) shaded. One chart draws
 * both the blast radius of config-poisoning and the noisy neighbour's slowdown.
 */
final class IsolationCharts {

    static final String BEFORE = "#1f77b4";
    static final String DURING = "#d62728";
    static final String SHADE = "#f4c542";

    private IsolationCharts() {
    }

    /**
     * Quiet tenants' activation by write time: dots before (blue) and during (red) B's action, a
     * cross at the top for a write that never went live, the bound the judge applies as a guide.
     *
     * @param title    the chart's title
     * @param shade    what the shaded span is (B's route existed, B's storm)
     * @param boundMs  a horizontal guide and its label, or NaN for none
     */
    static String quietActivation(CheckOutcome check, String title, String shade, double boundMs, String boundLabel) {
        double end = 1;
        double maxMs = 1;
        for (CheckOutcome.Timing t : check.timings()) {
            end = Math.max(end, t.seconds() + (t.live() ? t.liveMillis() / 1e3 : 0));
            if (t.live()) {
                maxMs = Math.max(maxMs, t.liveMillis());
            }
        }
        if (check.attacker() != null) {
            end = Math.max(end, check.attacker().until());
        }
        if (!Double.isNaN(boundMs)) {
            maxMs = Math.max(maxMs, boundMs);
        }
        int height = 300;
        Plot plot = new Plot(Charts.WIDTH, height, title,
                new LinearScale(0, end, Plot.LEFT, Charts.WIDTH - Plot.RIGHT, ""),
                new LinearScale(0, maxMs * 1.08, height - Plot.BOTTOM, Plot.TOP, ""));
        plot.frame("seconds since the check started (when each quiet tenant's route was written)",
                "to live (ms)");
        if (check.attacker() != null) {
            double x1 = plot.x.pixel(check.attacker().from());
            double x2 = plot.x.pixel(check.attacker().until());
            plot.svg.rect(x1, plot.top(), Math.max(2, x2 - x1), plot.bottom() - plot.top(), "fault-span", SHADE);
        }
        if (!Double.isNaN(boundMs)) {
            double y = plot.y.pixel(boundMs);
            plot.svg.line(plot.left(), y, plot.right(), y, "guide");
            plot.svg.text(plot.right() - 4, y - 4, boundLabel, "guide-label", "end", 0);
        }
        int never = 0;
        for (CheckOutcome.Timing t : check.timings()) {
            double x = plot.x.pixel(t.seconds());
            String colour = t.stage() == Stage.BEFORE ? BEFORE : DURING;
            if (t.live()) {
                plot.svg.circle(x, plot.y.pixel(t.liveMillis()), 3.5, "dot", colour, t.route() + " (" + t.stage()
                        + "): live after " + FigureFormat.millis((long) (t.liveMillis() * 1e6)) + " ms");
            } else {
                never++;
                plot.svg.cross(x, plot.top() + 6, 5, "gave-up", t.route() + " (" + t.stage() + "): never live");
            }
        }
        if (check.timings().isEmpty()) {
            plot.svg.text((plot.left() + plot.right()) / 2, (plot.top() + plot.bottom()) / 2,
                    "no quiet tenant's write in this check", "no-data", "middle", 0);
        }
        List<String> labels = new ArrayList<>(List.of("written before", "written during", shade));
        List<String> colours = new ArrayList<>(List.of(BEFORE, DURING, SHADE));
        if (never > 0) {
            labels.add("never live (" + never + ")");
            colours.add("#c0392b");
        }
        return plot.legend(labels, colours).end();
    }

    /**
     * The noisy-neighbour bound as the judge applies it: above the baseline p99 times the ratio and
     * by more than the floor; NaN without a baseline.
     */
    static double noisyBoundMs(CheckOutcome check) {
        Double before = check.figures().get("beforeP99Ms");
        double ratio = check.setting(IsolationJudge.LATENCY_RATIO);
        double floor = check.setting(IsolationJudge.FLOOR_MILLIS);
        return before == null || Double.isNaN(ratio) || Double.isNaN(floor) ? Double.NaN
                : Math.max(before * ratio, before + floor);
    }
}
