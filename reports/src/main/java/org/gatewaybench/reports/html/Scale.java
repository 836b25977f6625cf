package org.gatewaybench.reports.html;

import java.util.List;

/** Maps data values to pixels along one chart axis and says where its ticks go. */
interface Scale {

    /** The pixel of {@code value}; values outside the domain are clamped to its ends. */
    double pixel(double value);

    List<Tick> ticks();

    /** A labelled tick of an axis. */
    record Tick(double value, String label) {
    }
}
