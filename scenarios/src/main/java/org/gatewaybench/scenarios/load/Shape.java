package org.gatewaybench.scenarios.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The expected form of a scenario value. One description serves three uses: validating a file with
 * located errors ({@link ShapeChecker}), publishing the JSON schema for editors
 * ({@link JsonSchemaWriter}), and the defaults the loader applies.
 */
public sealed interface Shape {

    /** What a value of this shape is, in the words of an error message. */
    String expected();

    /** A field of an object. {@code fallback} is the default as YAML text, or null. */
    record Field(String name, Shape shape, boolean required, String fallback, String help) {

        public static Field required(String name, Shape shape, String help) {
            return new Field(name, shape, true, null, help);
        }

        public static Field optional(String name, Shape shape, String fallback, String help) {
            return new Field(name, shape, false, fallback, help);
        }
    }

    record Obj(List<Field> fields) implements Shape {
        @Override
        public String expected() {
            return "a mapping";
        }
    }

    /** An object whose field {@code key} chooses which of {@code variants} it is. */
    record Variants(String key, Map<String, Obj> variants) implements Shape {
        @Override
        public String expected() {
            return "a mapping with " + key + " one of " + String.join(", ", variants.keySet());
        }
    }

    record ListOf(Shape item, int minItems) implements Shape {
        @Override
        public String expected() {
            return minItems > 0 ? "a list of at least " + minItems + " item" + (minItems > 1 ? "s" : "") : "a list";
        }
    }

    /** A mapping from names to scalars, checked further by whoever owns the names. */
    record ScalarMap() implements Shape {
        @Override
        public String expected() {
            return "a mapping of names to values";
        }
    }

    /** Text, optionally one of {@code choices} or matching {@code pattern} (described by {@code form}). */
    record Text(List<String> choices, String pattern, String form) implements Shape {
        public static Text any() {
            return new Text(List.of(), null, null);
        }

        public static Text oneOf(String... choices) {
            return new Text(List.of(choices), null, null);
        }

        public static Text matching(String pattern, String form) {
            return new Text(List.of(), pattern, form);
        }

        @Override
        public String expected() {
            if (!choices.isEmpty()) {
                return "one of " + String.join(", ", choices);
            }
            return form != null ? form : "text";
        }
    }

    record Int(long min, long max) implements Shape {
        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /** A number greater than {@code above}. */
    record Num(double above, double max) implements Shape {
        @Override
        public String expected() {
            return "a number > " + trim(above) + " and <= " + trim(max);
        }

        private static String trim(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** A duration like 250ms, 2s, 5m, at least {@code min}. */
    record Dur(Duration min) implements Shape {
        @Override
        public String expected() {
            return "a duration like 250ms, 2s or 5m, at least " + org.gatewaybench.core.time.Durations.format(min);
        }
    }
}
