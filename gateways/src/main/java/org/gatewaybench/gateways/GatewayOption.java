package org.gatewaybench.gateways;

import java.util.List;
import org.gatewaybench.core.time.Durations;

/**
 * One setting a scenario can give a driver under {@code gateways[].options}.
 *
 * @param name     the key in the scenario
 * @param type     duration (e.g. "2s", "300ms"), integer, string, boolean or choice (one of {@code choices})
 * @param fallback the value when the scenario gives none, as text
 * @param help     what it does, for `gateway-bench gateways` and the JSON schema
 * @param min      for integers, the smallest value accepted
 * @param max      for integers, the largest value accepted
 * @param choices  for a choice, the words accepted (empty for other types)
 */
public record GatewayOption(String name, Type type, String fallback, String help, long min, long max,
                            List<String> choices) {

    public enum Type { DURATION, INTEGER, STRING, BOOLEAN, CHOICE }

    public GatewayOption {
        choices = List.copyOf(choices);
        if (type == Type.CHOICE && !choices.contains(fallback)) {
            throw new IllegalArgumentException("option " + name + ": default '" + fallback + "' is not one of " + choices);
        }
    }

    /** An option without bounds. */
    public GatewayOption(String name, Type type, String fallback, String help) {
        this(name, type, fallback, help, Long.MIN_VALUE, Long.MAX_VALUE, List.of());
    }

    /** An integer option accepted from {@code min} to {@code max}. */
    public static GatewayOption integer(String name, long fallback, long min, long max, String help) {
        return new GatewayOption(name, Type.INTEGER, Long.toString(fallback), help, min, max, List.of());
    }

    /** An option whose value is one of {@code choices}, {@code fallback} when the scenario gives none. */
    public static GatewayOption choice(String name, String fallback, List<String> choices, String help) {
        return new GatewayOption(name, Type.CHOICE, fallback, help, Long.MIN_VALUE, Long.MAX_VALUE, choices);
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
                case CHOICE -> choices.contains(value);
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
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /** The type in a word for listings: duration, integer, string, boolean, or the choices joined by |. */
    public String typeWord() {
        return type == Type.CHOICE ? String.join("|", choices) : type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
