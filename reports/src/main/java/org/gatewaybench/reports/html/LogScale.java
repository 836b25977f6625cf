package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.reports.FigureFormat;

/**
 * A base-10 logarithmic axis spanning whole decades around the data, for latencies that range
 * from sub-millisecond hot updates to multi-second reloads. Ticks at each decade, and at 2 and 5
 * times it when few decades are shown.
 */
final class LogScale implements Scale {

    private final double lowDecade;
    private final double highDecade;
    private final double from;
    private final double to;

    /** @param min smallest positive value to show; @param max largest */
    LogScale(double min, double max, double from, double to) {
        double lo = min > 0 ? min : 1;
        double hi = Math.max(max, lo);
        this.lowDecade = Math.floor(Math.log10(lo));
        double high = Math.ceil(Math.log10(hi));
        this.highDecade = high > lowDecade ? high : lowDecade + 1;
        this.from = from;
        this.to = to;
    }

    @Override
    public double pixel(double value) {
        double d = value > 0 ? Math.log10(value) : lowDecade;
        d = Math.max(lowDecade, Math.min(highDecade, d));
        return from + (d - lowDecade) / (highDecade - lowDecade) * (to - from);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        boolean fine = highDecade - lowDecade <= 3;
        for (double d = lowDecade; d <= highDecade; d++) {
            double v = Math.pow(10, d);
            ticks.add(new Tick(v, FigureFormat.significant(v)));
            if (fine && d < highDecade) {
                ticks.add(new Tick(2 * v, FigureFormat.significant(2 * v)));
                ticks.add(new Tick(5 * v, FigureFormat.significant(5 * v)));
            }
        }
        return ticks;
    }
}
