package org.gatewaybench.reports.assertion;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A bound on a figure as a scenario writes it: a comparison and a value with its unit
 * ({@code <= 5s}, {@code == 0}, {@code <= 0.1%}, {@code <= 512MiB}).
 *
 * @param value the bound's value in the figure's base unit
 * @param text  the bound as written, trimmed
 */
public record Bound(Relation relation, double value, String text) {

    /** The form of a bound, for messages. */
    public static final String FORM = "a comparison (<=, <, ==, !=, >=, >) and a value, like '<= 5s'";

    /**
     * The bound {@code text} writes for a figure of {@code unit}.
     *
     * @throws InvalidAssertionException when it is no bound, its value does not fit the unit, or
     *     no value of the figure could ever meet it
     */
    public static Bound parse(String text, Unit unit) {
        String t = text == null ? "" : text.trim();
        Optional<Relation> relation = Relation.leading(t);
        if (relation.isEmpty()) {
            throw invalid(FORM, "'" + t + "'");
        }
        String valueText = t.substring(relation.get().symbol().length()).trim();
        if (valueText.startsWith("-")) {
            throw invalid(unit.form() + ", never negative", "'" + t + "'");
        }
        Optional<Double> value = unit.parse(valueText);
        if (value.isEmpty()) {
            throw invalid(unit.form(), "'" + valueText + "'" + otherUnit(valueText));
        }
        double v = value.get();
        if (v > unit.max()) {
            throw invalid(unit.form(), "'" + valueText + "', more than 100%");
        }
        Relation r = relation.get();
        if ((r == Relation.BELOW && v == 0) || (r == Relation.ABOVE && v >= unit.max())) {
            throw invalid("a bound some value of the figure can meet", "'" + t + "', which no " + unit
                    + " can meet");
        }
        return new Bound(r, v, t);
    }

    /** Whether {@code measured} (in the base unit) is within the bound. */
    public boolean holds(double measured) {
        return relation.holds(measured, value);
    }

    /** ", a size" when {@code text} is a value of another unit: says why it does not fit. */
    private static String otherUnit(String text) {
        String others = Arrays.stream(Unit.values()).filter(u -> u != Unit.NUMBER && u != Unit.COUNT)
                .filter(u -> u.parse(text).isPresent()).map(Unit::toString).collect(Collectors.joining(" or "));
        return others.isEmpty() ? "" : ", a " + others;
    }

    private static InvalidAssertionException invalid(String expected, String found) {
        return new InvalidAssertionException("bound", expected, found.isEmpty() ? "nothing" : found);
    }
}
