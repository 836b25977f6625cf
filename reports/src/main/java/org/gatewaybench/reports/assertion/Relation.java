package org.gatewaybench.reports.assertion;

import java.util.Arrays;
import java.util.Optional;

/** How a measured figure must relate to a bound's value. */
public enum Relation {
    AT_MOST("<="),
    AT_LEAST(">="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    BELOW("<"),
    ABOVE(">");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured} relates to {@code value} this way. */
    public boolean holds(double measured, double value) {
        return switch (this) {
            case AT_MOST -> measured <= value;
            case AT_LEAST -> measured >= value;
            case EQUAL -> measured == value;
            case NOT_EQUAL -> measured != value;
            case BELOW -> measured < value;
            case ABOVE -> measured > value;
        };
    }

    /** The relation {@code text} starts with; two-character symbols before their one-character prefixes. */
    static Optional<Relation> leading(String text) {
        return Arrays.stream(values()).filter(r -> text.startsWith(r.symbol)).findFirst();
    }
}
