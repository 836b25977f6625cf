package org.gatewaybench.core.journal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The journal of one repetition of a gateway: the events of that gateway go to the run's journal
 * under the repetition's name ({@link Repetition#journalName}); every other event goes as it is.
 * Drivers, probes and companions keep using the driver name, and listeners of a journal in front
 * of this one see the events as they were appended.
 */
public final class RepetitionJournal implements Journal {

    /** The canonical constructor of each gateway event record, and where its gateway is among the arguments. */
    private record Shape(Constructor<?> constructor, RecordComponent[] components, int gatewayAt) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private final Journal delegate;
    private final String gateway;
    private final String journalName;

    /** Appends to {@code delegate}, naming the events of {@code gateway} {@code journalName}. */
    public RepetitionJournal(Journal delegate, String gateway, String journalName) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journalName = Objects.requireNonNull(journalName, "journalName");
    }

    @Override
    public void append(Event event) {
        if (!gateway.equals(journalName) && event instanceof GatewayEvent g && gateway.equals(g.gateway())) {
            delegate.append(renamed(g, journalName));
        } else {
            delegate.append(event);
        }
    }

    /** {@code event} with {@code name} as its gateway and every other field the same. */
    static GatewayEvent renamed(GatewayEvent event, String name) {
        Shape shape = SHAPES.computeIfAbsent(event.getClass(), RepetitionJournal::shapeOf);
        Object[] args = new Object[shape.components().length];
        try {
            for (int i = 0; i < args.length; i++) {
                args[i] = i == shape.gatewayAt() ? name : shape.components()[i].getAccessor().invoke(event);
            }
            return (GatewayEvent) shape.constructor().newInstance(args);
        } catch (IllegalAccessException | InstantiationException | InvocationTargetException e) {
            throw new IllegalStateException("cannot rename the gateway of " + EventTypes.word(event.getClass()), e);
        }
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        int gatewayAt = -1;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals("gateway") && types[i] == String.class) {
                gatewayAt = i;
            }
        }
        if (gatewayAt < 0) {
            throw new IllegalStateException(type.getSimpleName() + " has no gateway field");
        }
        try {
            return new Shape(type.getDeclaredConstructor(types), components, gatewayAt);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
    }
}
