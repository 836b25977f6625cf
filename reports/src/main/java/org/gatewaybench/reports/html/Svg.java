package org.gatewaybench.reports.html;

import java.util.List;
import java.util.Locale;

/** A small writer of inline SVG: the shapes the report's charts need, text always escaped. */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        out.append("<title>").append(Html.escape(title)).append("</title>");
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" class=\"").append(cssClass)
                .append("\"/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String fill) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" class=\"").append(cssClass)
                .append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        out.append("/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String cssClass, String fill, String tooltip) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" class=\"").append(cssClass).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        if (tooltip != null) {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></circle>");
        } else {
            out.append("/>");
        }
        return this;
    }

    /** A small x-shaped mark centred at (x, y). */
    Svg cross(double x, double y, double r, String cssClass, String tooltip) {
        out.append("<path d=\"M").append(num(x - r)).append(' ').append(num(y - r)).append('L').append(num(x + r))
                .append(' ').append(num(y + r)).append('M').append(num(x - r)).append(' ').append(num(y + r))
                .append('L').append(num(x + r)).append(' ').append(num(y - r)).append("\" class=\"")
                .append(cssClass).append("\">");
        if (tooltip != null) {
            out.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        out.append("</path>");
        return this;
    }

    /** A polyline through points given as x0, y0, x1, y1, ... */
    Svg polyline(List<double[]> points, String cssClass, String stroke) {
        out.append("<polyline class=\"").append(cssClass).append("\" stroke=\"").append(stroke)
                .append("\" points=\"");
        for (double[] p : points) {
            out.append(num(p[0])).append(',').append(num(p[1])).append(' ');
        }
        out.append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} in degrees around (x, y). */
    Svg text(double x, double y, String text, String cssClass, String anchor, int rotate) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" class=\"")
                .append(cssClass).append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(rotate).append(' ').append(num(x)).append(' ')
                    .append(num(y)).append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }
}
