package org.gatewaybench.reports.html;

import java.util.List;

/**
 * The frame of one chart: plot area, grid, ticks and axis titles. Charts place their data with
 * {@link #x}, {@link #y} and draw it into {@link #svg}.
 */
final class Plot {

    static final int LEFT = 72;
    static final int RIGHT = 24;
    static final int TOP = 40;
    static final int BOTTOM = 52;

    final int width;
    final int height;
    final Svg svg;
    final Scale x;
    final Scale y;

    /** Both scales must map onto {@link #left()}..{@link #right()} and {@link #bottom()}..{@link #top()}. */
    Plot(int width, int height, String title, Scale x, Scale y) {
        this.width = width;
        this.height = height;
        this.svg = new Svg(width, height, title);
        this.x = x;
        this.y = y;
    }

    double left() {
        return LEFT;
    }

    double right() {
        return width - RIGHT;
    }

    double top() {
        return TOP;
    }

    double bottom() {
        return height - BOTTOM;
    }

    /** Draws background, grid, ticks and the axis titles (with their units). */
    Plot frame(String xTitle, String yTitle) {
        svg.rect(left(), top(), right() - left(), bottom() - top(), "plot-bg", null);
        for (Scale.Tick t : x.ticks()) {
            double px = x.pixel(t.value());
            svg.line(px, top(), px, bottom(), "grid");
            svg.line(px, bottom(), px, bottom() + 5, "axis");
            svg.text(px, bottom() + 18, t.label(), "tick", "middle", 0);
        }
        for (Scale.Tick t : y.ticks()) {
            double py = y.pixel(t.value());
            svg.line(left(), py, right(), py, "grid");
            svg.line(left() - 5, py, left(), py, "axis");
            svg.text(left() - 8, py + 4, t.label(), "tick", "end", 0);
        }
        svg.line(left(), bottom(), right(), bottom(), "axis");
        svg.line(left(), top(), left(), bottom(), "axis");
        svg.text((left() + right()) / 2, height - 12, xTitle, "axis-title", "middle", 0);
        svg.text(18, (top() + bottom()) / 2, yTitle, "axis-title", "middle", -90);
        return this;
    }

    /** A legend row per entry at the top of the chart: colour swatch and label. */
    Plot legend(List<String> labels, List<String> colours) {
        double px = left();
        for (int i = 0; i < labels.size(); i++) {
            svg.rect(px, 14, 14, 10, "swatch", colours.get(i));
            svg.text(px + 19, 23, labels.get(i), "legend", "start", 0);
            px += 30 + 7.2 * labels.get(i).length();
        }
        return this;
    }

    String end() {
        return svg.end();
    }
}
