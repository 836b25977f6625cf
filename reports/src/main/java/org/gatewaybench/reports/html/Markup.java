package org.gatewaybench.reports.html;

import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.LatencyStats;

/** Small pieces of markup the sections share: headings, gateway swatches and table cells. */
final class Markup {

    private Markup() {
    }

    /** Opens a section: its heading and the lead paragraph that says what it shows. */
    static void open(StringBuilder h, String id, String title, String lead) {
        h.append(id == null ? "<section>" : "<section id=\"" + id + "\">").append("<h2>").append(Html.escape(title))
                .append("</h2>");
        if (lead != null) {
            h.append("<p class=\"lead\">").append(lead).append("</p>");
        }
    }

    /** A gateway's sub-heading, after its swatch, and a figure: one chart of it. */
    static void gatewayFigure(StringBuilder h, int g, String gateway, String svg) {
        h.append("<h3>").append(swatch(g)).append(Html.escape(gateway)).append("</h3><figure>").append(svg)
                .append("</figure>");
    }

    /** The colour of the {@code g}-th gateway, before its name. */
    static String swatch(int g) {
        return "<span class=\"sw\" style=\"background:" + Palette.colour(g) + "\"></span>";
    }

    /** A gateway's label cell: its swatch and its name. */
    static String gatewayCell(int g, String gateway) {
        return swatch(g) + Html.escape(gateway);
    }

    static String n(long v) {
        return String.valueOf(v);
    }

    /** A count that is bad news when not zero. */
    static String bad(long v) {
        return v == 0 ? "0" : "<span class=\"bad\">" + v + "</span>";
    }

    /** A figure of {@code s} in ms, or {@link FigureFormat#NONE} without samples. */
    static String ms(LatencyStats s, long nanos) {
        return s.isEmpty() ? FigureFormat.NONE : FigureFormat.millis(nanos);
    }

    /** Seconds, or {@link FigureFormat#NONE} for NaN. */
    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? FigureFormat.NONE : FigureFormat.seconds(seconds);
    }

    /** A number, or {@link FigureFormat#NONE} for NaN. */
    static String significant(double v) {
        return Double.isNaN(v) ? FigureFormat.NONE : FigureFormat.significant(v);
    }

    static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
