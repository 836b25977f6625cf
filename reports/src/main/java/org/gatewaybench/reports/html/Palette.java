package org.gatewaybench.reports.html;

/** Colours of the gateways, in the order they ran: distinct for the common forms of colour blindness. */
final class Palette {

    private static final String[] COLOURS = {
        "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6b4c9a", "#7f7f7f"};

    private Palette() {
    }

    static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }
}
