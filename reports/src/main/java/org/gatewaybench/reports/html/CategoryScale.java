package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;

/** An axis of named bands (histogram buckets, connection kinds): category i sits in the middle of band i. */
final class CategoryScale implements Scale {

    private final List<String> labels;
    private final double from;
    private final double to;

    /** @param from pixel where the first band starts; @param to pixel where the last one ends */
    CategoryScale(List<String> labels, double from, double to) {
        this.labels = List.copyOf(labels);
        this.from = from;
        this.to = to;
    }

    /** The width of one band in pixels (negative on an axis that runs upwards). */
    double band() {
        return (to - from) / Math.max(1, labels.size());
    }

    /** The pixel of the middle of band {@code value} (its index); out-of-range indexes are clamped. */
    @Override
    public double pixel(double value) {
        double i = Math.max(0, Math.min(labels.size() - 1, value));
        return from + (i + 0.5) * band();
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ticks.add(new Tick(i, labels.get(i)));
        }
        return ticks;
    }
}
