package org.gatewaybench.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A word of gateway-bench's vocabulary: an enum constant written as the same lower-case word in
 * scenario files, journal lines and reports. The word is the constant's name in lower case with
 * dashes ({@code DELETE_ALL} is {@code delete-all}), so it is defined once, by the constant; the
 * journal codec, the scenario loader and the reports all read and write it through this
 * interface. Renaming a constant changes the journal format: add constants, never rename them.
 */
public interface Word {

    /** The word as written in scenarios, journals and reports. */
    default String word() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Words journals of earlier versions wrote for this constant, read as it. None by default. */
    default List<String> formerWords() {
        return List.of();
    }

    /** Every word of {@code type}, in declaration order, for messages and schemas. */
    static <E extends Enum<E> & Word> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Word::word).toList();
    }

    /** The constant of {@code type} written as {@code word}; an error naming the words there are. */
    static <E extends Enum<E> & Word> E parse(Class<E> type, String word) {
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(word) || constant.formerWords().contains(word)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + describe(type) + " '" + word + "': expected one of "
                + String.join(", ", words(type)));
    }

    /** "fault action" for FaultAction: the type's name in words, for messages. */
    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
