package org.gatewaybench.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the human reports write figures: milliseconds to 3 significant digits, the precision of the data. */
public final class Units {

    /** Shown where a figure does not exist (no samples). */
    public static final String NONE = "–";

    private Units() {
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

    /** Seconds with one decimal. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
