package org.gatewaybench.gateways;

import org.gatewaybench.core.time.Durations;

/**
 * One setting a scenario can give a driver under {@code gateways[].options}.
 *
 * @param name     the key in the scenario
 * @param type     duration (e.g. "2s", "300ms"), integer, string or boolean
 * @param fallback the value when the scenario gives none, as text
 * @param help     what it does, for `gateway-bench gateways` and the JSON schema
 * @param min      for integers, the smallest value accepted
 * @param max      for integers, the largest value accepted
 */
public record GatewayOption(String name, Type type, String fallback, String help, long min, long max) {

    public enum Type { DURATION, INTEGER, STRING, BOOLEAN }

    /** An option without bounds. */
    public GatewayOption(String name, Type type, String fallback, String help) {
        this(name, type, fallback, help, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer option accepted from {@code min} to {@code max}. */
    public static GatewayOption integer(String name, long fallback, long min, long max, String help) {
        return new GatewayOption(name, Type.INTEGER, Long.toString(fallback), help, min, max);
    }

    /** Whether {@code value} (as the scenario gives it, in text) is a value of this option. */
    public boolean accepts(String value) {
        try {
            return switch (type) {
                case DURATION -> Durations.parse(value) != null;
                case INTEGER -> {
                    long n = Long.parseLong(value);
                    yield n >= min && n <= max;
                }
                case BOOLEAN -> value.equals("true") || value.equals("false");
                case STRING -> true;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What a value of this option is, in the words of an error message. */
    public String expected() {
        return switch (type) {
            case DURATION -> "a duration like 250ms, 2s or 5m";
            case INTEGER -> min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a whole number"
                    : "a whole number from " + min + " to " + max;
            case BOOLEAN -> "true or false";
            case STRING -> "text";
        };
    }
}
