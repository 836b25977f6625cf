package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.scenarios.model.MemorySize;

/**
 * Binds a YAML tree that {@link ShapeChecker} accepted into the model records, filling every absent
 * field with its default from the {@link Description}. Fields that are not in the file (the
 * scenario's source) come from {@code extras}, by component name.
 */
final class Binder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Object> extras;

    private Binder(Map<String, Object> extras) {
        this.extras = extras;
    }

    static <T> T bind(JsonNode root, Shape.Mapping shape, Class<T> type, Map<String, Object> extras) {
        return type.cast(new Binder(extras).mapping(root, shape));
    }

    private Object value(JsonNode node, Shape shape, Type type) {
        if (shape instanceof Shape.Mapping m) {
            return mapping(node, m);
        }
        if (shape instanceof Shape.Variants v) {
            return mapping(node, v.variants().get(node.get(v.key()).asText()));
        }
        if (shape instanceof Shape.ListOf list) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            node.forEach(n -> items.add(value(n, list.item(), item)));
            return List.copyOf(items);
        }
        if (shape instanceof Shape.ScalarMap) {
            Map<String, String> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        }
        return scalar(node, (Class<?>) type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(JsonNode node, Class<?> type) {
        String text = node.asText();
        if (type == int.class) {
            return node.isNumber() ? node.asInt() : Integer.parseInt(text);
        }
        if (type == long.class) {
            return node.isNumber() ? node.asLong() : Long.parseLong(text);
        }
        if (type == double.class) {
            return node.isNumber() ? node.asDouble() : Double.parseDouble(text);
        }
        if (type == boolean.class) {
            return node.isBoolean() ? node.asBoolean() : Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type == Path.class) {
            return Path.of(text);
        }
        if (type == Duration.class) {
            return Durations.parse(text);
        }
        if (type == MemorySize.class) {
            return MemorySize.parse(text);
        }
        if (type.isEnum()) {
            return Word.parse((Class) type, text);
        }
        throw new IllegalStateException("no binding for a scenario value of type " + type);
    }

    private Object mapping(JsonNode node, Shape.Mapping shape) {
        Map<String, Shape.Field> byName = new LinkedHashMap<>();
        shape.fields().forEach(f -> byName.put(f.name(), f));
        RecordComponent[] components = shape.type().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Shape.Field field = byName.get(c.getName());
            if (field == null) {
                args[i] = extras.get(c.getName());
                continue;
            }
            JsonNode given = node == null ? null : node.get(field.name());
            if (given == null || given.isNull()) {
                given = fallback(field);
            }
            args[i] = given == null ? absent(c.getType()) : value(given, field.shape(), c.getGenericType());
        }
        try {
            Constructor<?> canonical = shape.type().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + shape.type().getSimpleName(), e);
        }
    }

    /** The default of an absent field as a tree: an empty section for {}, an empty list for []. */
    private static JsonNode fallback(Shape.Field field) {
        if (field.fallback() == null) {
            return null;
        }
        return switch (field.fallback()) {
            case "{}" -> NODES.objectNode();
            case "[]" -> NODES.arrayNode();
            default -> NODES.textNode(field.fallback());
        };
    }

    /** An absent field without a default: no section, no items. */
    private static Object absent(Class<?> type) {
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }
}
