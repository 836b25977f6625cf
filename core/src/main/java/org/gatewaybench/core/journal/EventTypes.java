package org.gatewaybench.core.journal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The journal's {@code type} word of every event record, derived from the sealed hierarchy of
 * {@link Event}: a record's simple name in lower case with dashes. Adding a record to the permits
 * list is all it takes to give it a type; a type this version does not know reads as null.
 */
public final class EventTypes extends TypeIdResolverBase {

    private static final Map<String, Class<? extends Event>> BY_WORD = collect();

    /** Every event type word, with its record, in the order of the permits lists. */
    public static Map<String, Class<? extends Event>> all() {
        return BY_WORD;
    }

    /** The type word of {@code type}: {@code OpInvoked} is {@code op-invoked}. */
    public static String word(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Event>> collect() {
        Map<String, Class<? extends Event>> byWord = new LinkedHashMap<>();
        Deque<Class<?>> open = new ArrayDeque<>();
        open.add(Event.class);
        while (!open.isEmpty()) {
            Class<?> type = open.poll();
            if (type.isRecord()) {
                byWord.put(word(type), (Class<? extends Event>) type);
            } else {
                open.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
        }
        return Collections.unmodifiableMap(byWord);
    }

    @Override
    public String idFromValue(Object value) {
        return word(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return word(suggestedType);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<? extends Event> type = BY_WORD.get(id);
        return type == null ? null : context.constructType(type);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
