package org.gatewaybench.scenarios.load;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.time.Durations;

/**
 * The expected form of a scenario value, derived from the annotated model records by
 * {@link Description}. One description serves every use: validating a file with located errors
 * ({@link ShapeChecker}), binding it into records ({@link Binder}), writing a scenario back
 * ({@link ScenarioTree}) and publishing the JSON schema for editors ({@link JsonSchemaWriter}).
 */
public sealed interface Shape {

    /** What a value of this shape is, in the words of an error message. */
    String expected();

    /**
     * A field of a mapping. {@code fallback} is the default as YAML text, or null; {@code component}
     * is the record component it binds to, or null for a variant's key.
     */
    record Field(String name, Shape shape, boolean required, String fallback, String help,
                 RecordComponent component) {
    }

    /** A mapping of named fields: one record of the model. */
    record Mapping(Class<?> type, List<Field> fields) implements Shape {
        @Override
        public String expected() {
            return "a mapping";
        }
    }

    /** A mapping whose field {@code key} chooses which of {@code variants} it is. */
    record Variants(String key, Map<String, Mapping> variants) implements Shape {
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

    /** A mapping from names to scalars, checked further by whoever owns the names (a driver's options). */
    record ScalarMap() implements Shape {
        @Override
        public String expected() {
            return "a mapping of names to values";
        }
    }

    /** Text, optionally one of {@code choices} or matching {@code pattern} (described by {@code form}). */
    record Text(List<String> choices, String pattern, String form) implements Shape {
        @Override
        public String expected() {
            if (!choices.isEmpty()) {
                return "one of " + String.join(", ", choices);
            }
            return form != null ? form : "text";
        }
    }

    /** true or false. */
    record Flag() implements Shape {
        @Override
        public String expected() {
            return "true or false";
        }
    }

    record WholeNumber(long min, long max) implements Shape {
        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /** A number above {@code min} (or from it, unless {@code aboveMin}) and at most {@code max}. */
    record Decimal(double min, boolean aboveMin, double max) implements Shape {
        @Override
        public String expected() {
            return "a number " + (aboveMin ? "> " : ">= ") + plain(min) + " and <= " + plain(max);
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** A duration like 250ms, 2s, 5m, at least {@code min}. */
    record TimeSpan(Duration min) implements Shape {
        @Override
        public String expected() {
            return "a duration like 250ms, 2s or 5m, at least " + Durations.format(min);
        }
    }
}
