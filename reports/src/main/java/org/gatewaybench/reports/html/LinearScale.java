package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.reports.FigureFormat;

/** A linear axis from {@code min} to {@code max} with ticks at round steps (1, 2 or 5 x 10^k). */
final class LinearScale implements Scale {

    private final double min;
    private final double max;
    private final double from;
    private final double to;
    private final double step;
    private final String suffix;

    /**
     * @param from pixel of {@code min}
     * @param to   pixel of the upper end, which is {@code max} rounded up to a whole tick step
     */
    LinearScale(double min, double max, double from, double to, String suffix) {
        double span = max > min ? max - min : Math.max(1, Math.abs(min));
        this.step = niceStep(span / 6);
        this.min = Math.floor(min / step) * step;
        this.max = Math.max(this.min + step, Math.ceil(max / step) * step);
        this.from = from;
        this.to = to;
        this.suffix = suffix;
    }

    static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * decade >= rough) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    @Override
    public double pixel(double value) {
        double v = Math.max(min, Math.min(max, value));
        return from + (v - min) / (max - min) * (to - from);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            double v = min + i * step;
            ticks.add(new Tick(v, FigureFormat.significant(Math.abs(v) < step / 1e6 ? 0 : v) + suffix));
        }
        return ticks;
    }
}
