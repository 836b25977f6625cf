package org.gatewaybench.reports.assertion;

/**
 * An assertion that cannot be judged: an unknown figure, or a bound the figure cannot meet or does
 * not fit (a negative duration, a percentage over 100, a size for a duration). Says which field is
 * wrong, what it expected and what it found, so a scenario file can locate it.
 */
public final class InvalidAssertionException extends IllegalArgumentException {

    private final String field;
    private final String expected;
    private final String found;

    InvalidAssertionException(String field, String expected, String found) {
        super(field + ": expected " + expected + ", found " + found);
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    /** figure or bound. */
    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
