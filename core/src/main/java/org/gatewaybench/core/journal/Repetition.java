package org.gatewaybench.core.journal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the repetitions of a gateway in a run that runs each gateway several times
 * ({@code repeat: N}). In such a run the journal names each repetition's events after the gateway
 * and the repetition, {@code lab-haproxy-runtime#2}, so every analysis sees each repetition as a
 * gateway of its own and stays a function of the journal alone; a run without repetitions (every
 * journal of schema 1 and 2) names the gateway alone, which reads as its only repetition.
 *
 * @param gateway the driver name
 * @param index   which repetition, from 1
 */
public record Repetition(String gateway, int index) {

    /** Between the driver name and the repetition in a journal's gateway name. */
    public static final char SEPARATOR = '#';

    private static final Pattern REPEATED = Pattern.compile("(.+)#([1-9][0-9]{0,5})");

    public Repetition {
        if (gateway == null || gateway.isEmpty() || index < 1) {
            throw new IllegalArgumentException("a repetition needs a gateway and an index >= 1: " + gateway + ", "
                    + index);
        }
    }

    /**
     * The gateway name the journal gives repetition {@code index} of {@code repetitions}: the driver
     * name alone when the gateway runs once, else {@code gateway#index}.
     */
    public static String journalName(String gateway, int index, int repetitions) {
        return repetitions <= 1 ? gateway : gateway + SEPARATOR + index;
    }

    /** The repetition a journal's gateway name stands for: {@code a#2} is repetition 2 of a, {@code a} repetition 1. */
    public static Repetition of(String journalName) {
        Matcher m = REPEATED.matcher(journalName);
        return m.matches() ? new Repetition(m.group(1), Integer.parseInt(m.group(2))) : new Repetition(journalName, 1);
    }
}
