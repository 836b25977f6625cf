package org.gatewaybench.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record with one component replaced and every other the same, through its canonical
 * constructor (so its checks run): for records too wide to copy by hand at each change, such as
 * the scenario and the journal's events.
 */
public final class Records {

    private record Shape(Constructor<?> constructor, RecordComponent[] components) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private Records() {
    }

    /**
     * {@code record} with {@code value} as its component {@code component}.
     *
     * @throws IllegalArgumentException when the record has no such component
     */
    public static <R extends Record> R with(R record, String component, Object value) {
        Shape shape = SHAPES.computeIfAbsent(record.getClass(), Records::shapeOf);
        Object[] args = new Object[shape.components().length];
        boolean replaced = false;
        try {
            for (int i = 0; i < args.length; i++) {
                if (shape.components()[i].getName().equals(component)) {
                    args[i] = value;
                    replaced = true;
                } else {
                    args[i] = shape.components()[i].getAccessor().invoke(record);
                }
            }
            if (!replaced) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component '"
                        + component + "'");
            }
            @SuppressWarnings("unchecked") // the canonical constructor of R's own class
            R copy = (R) shape.constructor().newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException checkFailed) {
                throw checkFailed;
            }
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e.getCause());
        } catch (IllegalAccessException | InstantiationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return new Shape(type.getDeclaredConstructor(types), components);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
    }
}
