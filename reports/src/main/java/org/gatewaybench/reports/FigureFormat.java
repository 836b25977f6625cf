package org.gatewaybench.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the human reports (report.html, summary.md) write numbers: milliseconds to 3 significant
 * digits, the precision of the data; counters in full; seconds to a tenth.
 */
public final class FigureFormat {

    /** Shown where a figure does not exist (no samples). */
    public static final String NONE = "–";

    private FigureFormat() {
    }

    /** Nanoseconds as milliseconds with 3 significant digits: 0.412, 12.3, 2050. */
    public static String millis(long nanos) {
        return significant(nanos / 1e6);
    }

    /** A number with 3 significant digits, without exponent. */
    public static String significant(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * A sampled value, such as a gateway metric: whole numbers in full (a counter of 12,345
     * reloads stays 12345), others with 3 significant digits.
     */
    public static String value(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return significant(value);
    }

    /** A change of a value, with its sign: +3, -0.5, 0. */
    public static String change(double delta) {
        return delta > 0 ? "+" + value(delta) : value(delta);
    }

    /** Seconds with one decimal. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
