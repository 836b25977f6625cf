package org.gatewaybench.reports.assertion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.reports.FigureFormat;

/**
 * What a figure measures, its base unit (as summary.json writes measured values) and how a bound
 * writes a value of it. Every figure is at least 0, so no bound takes a negative value.
 */
public enum Unit {
    /** Nanoseconds; bounds write 250ms, 5s, 1m. */
    DURATION("ns", "duration", "a duration like 250ms, 5s or 1m"),
    /** Bytes; bounds write 512Mi or 512MiB (Ki, Mi, Gi, or plain bytes). */
    BYTES("bytes", "size", "a size like 512Mi or 512MiB (bytes, Ki, Mi or Gi)"),
    /** Percent (0.1 is 0.1%); bounds write 0.1%. */
    PERCENT("%", "percentage", "a percentage like 0.1%, from 0% to 100%"),
    /** A whole number of things; bounds write 0, 12. */
    COUNT("count", "count", "a whole number like 0"),
    /** A rate without a unit (drops per 1,000 route changes); bounds write 1, 0.5. */
    NUMBER("number", "number", "a number like 1 or 0.5");

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(Ki|Mi|Gi)?(?:B)?");
    private static final Pattern PERCENTAGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final String symbol;
    private final String noun;
    private final String form;

    Unit(String symbol, String noun, String form) {
        this.symbol = symbol;
        this.noun = noun;
        this.form = form;
    }

    /** The base unit as summary.json and the journal name it: ns, bytes, %, count, number. */
    public String symbol() {
        return symbol;
    }

    /** How a bound writes a value of this unit, for messages. */
    public String form() {
        return form;
    }

    /** The value {@code text} writes, in the base unit; empty when it is not of this unit's form. */
    Optional<Double> parse(String text) {
        String t = text.trim();
        switch (this) {
            case DURATION -> {
                try {
                    return Optional.of((double) Durations.parse(t).toNanos());
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            case BYTES -> {
                Matcher m = SIZE.matcher(t);
                if (!m.matches()) {
                    return Optional.empty();
                }
                long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
                    case "Ki" -> 1L << 10;
                    case "Mi" -> 1L << 20;
                    default -> 1L << 30;
                };
                return Optional.of(Double.parseDouble(m.group(1)) * unit);
            }
            case PERCENT -> {
                Matcher m = PERCENTAGE.matcher(t);
                return m.matches() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
            }
            case COUNT -> {
                return WHOLE.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
            }
            default -> {
                return DECIMAL.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
            }
        }
    }

    /** The largest value a figure of this unit can have: 100 for a percentage. */
    double max() {
        return this == PERCENT ? 100 : Double.POSITIVE_INFINITY;
    }

    /** A value in the base unit as people read it: 1.24 s, 412 ms, 38.2 MiB, 0.05%, 3. */
    public String format(double value) {
        return switch (this) {
            case DURATION -> value >= 1e9 ? FigureFormat.significant(value / 1e9) + " s"
                    : FigureFormat.significant(value / 1e6) + " ms";
            case BYTES -> bytes(value);
            case PERCENT -> FigureFormat.significant(value) + "%";
            case COUNT -> Long.toString(Math.round(value));
            case NUMBER -> FigureFormat.significant(value);
        };
    }

    private static String bytes(double value) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            double size = Math.pow(1024, 3 - i);
            if (value >= size) {
                return FigureFormat.significant(value / size) + " " + units[i];
            }
        }
        return Math.round(value) + " B";
    }

    /** What a value of this unit is called: duration, size, percentage, count, number. */
    @Override
    public String toString() {
        return noun;
    }
}
