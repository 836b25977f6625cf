package org.gatewaybench.scenarios.load;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.scenarios.model.Field;
import org.gatewaybench.scenarios.model.MemorySize;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.Variant;

/**
 * Reads the scenario format off the model records: each {@link Field}-annotated component is a
 * field, its Java type says what its value is, and its annotation adds help, default and bounds.
 * This reflection is the only place that knows how a Java type maps to a scenario value.
 */
public final class Description {

    private static final Map<Type, Shape> SHAPES = new ConcurrentHashMap<>();

    private Description() {
    }

    /** The shape of a whole scenario file. */
    public static Shape.Mapping scenario() {
        return (Shape.Mapping) of(Scenario.class);
    }

    /** The shape of a value of {@code type}, as a bare type (no field annotation narrows it). */
    static Shape of(Type type) {
        Shape known = SHAPES.get(type);
        if (known == null) {
            known = shape(type, null);
            SHAPES.put(type, known);
        }
        return known;
    }

    private static Shape shape(Type type, Field field) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                return new Shape.ListOf(of(p.getActualTypeArguments()[0]), field == null ? 0 : field.minItems());
            }
            if (raw == Map.class && p.getActualTypeArguments()[0] == String.class
                    && p.getActualTypeArguments()[1] == String.class) {
                return new Shape.ScalarMap();
            }
            throw new IllegalStateException("the scenario format has no value of type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == long.class) {
            return new Shape.WholeNumber(field == null ? Long.MIN_VALUE : (long) field.min(),
                    field == null ? Long.MAX_VALUE : (long) field.max());
        }
        if (c == boolean.class) {
            return new Shape.Flag();
        }
        if (c == double.class) {
            return new Shape.Decimal(field.min(), field.aboveMin(), field.max());
        }
        if (c == String.class || c == Path.class) {
            return field == null || field.pattern().isEmpty() ? new Shape.Text(List.of(), null, null)
                    : new Shape.Text(List.of(), field.pattern(), field.form().isEmpty() ? null : field.form());
        }
        if (c == Duration.class) {
            return new Shape.TimeSpan(Durations.parse(field == null ? "0s" : field.atLeast()));
        }
        if (c == MemorySize.class) {
            return new Shape.Text(List.of(), MemorySize.PATTERN, MemorySize.FORM);
        }
        if (c.isEnum() && Word.class.isAssignableFrom(c)) {
            return new Shape.Text(words(c), null, null);
        }
        if (c.isRecord()) {
            return mapping(c, List.of());
        }
        if (c.isSealed() && c.isAnnotationPresent(Variant.Key.class)) {
            return variants(c);
        }
        throw new IllegalStateException("the scenario format has no value of type " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> words(Class<?> enumType) {
        return Word.words((Class) enumType);
    }

    private static Shape.Mapping mapping(Class<?> record, List<Shape.Field> first) {
        List<Shape.Field> fields = new ArrayList<>(first);
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            if (field == null) {
                continue; // not in the file
            }
            Shape shape = shape(component.getGenericType(), field);
            String fallback = field.fallback().equals(Field.NONE) ? null : field.fallback();
            fields.add(new Shape.Field(component.getName(), shape, field.required(), fallback, field.help(), component));
        }
        return new Shape.Mapping(record, List.copyOf(fields));
    }

    private static Shape.Variants variants(Class<?> sealed) {
        Variant.Key key = sealed.getAnnotation(Variant.Key.class);
        Map<String, Shape.Mapping> variants = new LinkedHashMap<>();
        for (Class<?> record : sealed.getPermittedSubclasses()) {
            variants.put(record.getAnnotation(Variant.class).value(), null);
        }
        Shape.Field keyField = new Shape.Field(key.value(), new Shape.Text(List.copyOf(variants.keySet()), null, null),
                true, null, key.help(), null);
        for (Class<?> record : sealed.getPermittedSubclasses()) {
            variants.put(record.getAnnotation(Variant.class).value(), mapping(record, List.of(keyField)));
        }
        return new Shape.Variants(key.value(), variants);
    }
}
