package org.gatewaybench.scenarios.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a scenario file, declared on the record component that holds it: this annotation and
 * the component's type are the one description of the scenario format. Validation (with the file,
 * line, field, expected and found of every problem), defaults, binding into the records, the
 * published JSON Schema and the "scenario as run" in the journal are all derived from it.
 *
 * <p>The component's type says what a value is: {@code int}/{@code long} (a whole number),
 * {@code double} (a number), {@code boolean} (true or false), {@code String}, {@link java.time.Duration} (250ms, 2s, 5m),
 * {@link java.nio.file.Path}, {@link MemorySize}, a {@link org.gatewaybench.core.Word} enum (one of
 * its words), a record (a mapping of its own fields), a sealed interface of {@link Variant} records,
 * {@code List<X>} or {@code Map<String, String>} (a mapping of names to scalars). A component
 * without this annotation is not in the file (the file's own path).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    /** No default: a field that is absent stays absent (null, or an empty list). */
    String NONE = "\u0000";

    /** What the field means, for `gateway-bench schema`, editors and messages. */
    String help();

    /** The default as YAML text, used when the field is absent; {@code "{}"} makes an absent section all defaults. */
    String fallback() default NONE;

    /** Whether the file must have it. */
    boolean required() default false;

    /** Numbers: the smallest value allowed (exclusive when {@link #aboveMin()}). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Numbers: whether the value must be strictly above {@link #min()}. */
    boolean aboveMin() default false;

    /** Numbers: the largest value allowed. */
    double max() default Double.POSITIVE_INFINITY;

    /** Text: a regular expression the whole value must match. */
    String pattern() default "";

    /** Text: the pattern in words, for messages ("a lower-case name like quickstart"). */
    String form() default "";

    /** Durations: the shortest allowed, e.g. 1ms. */
    String atLeast() default "0s";

    /** Lists: how many items at least. */
    int minItems() default 0;
}
