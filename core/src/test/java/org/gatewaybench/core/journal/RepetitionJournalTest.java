package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

class RepetitionJournalTest {

    @Test
    void journalNamesCarryTheRepetitionOnlyWhenAGatewayRunsMoreThanOnce() {
        assertThat(Repetition.journalName("lab-nginx-reload", 1, 1)).isEqualTo("lab-nginx-reload");
        assertThat(Repetition.journalName("lab-nginx-reload", 2, 3)).isEqualTo("lab-nginx-reload#2");
        assertThat(Repetition.of("lab-nginx-reload#2")).isEqualTo(new Repetition("lab-nginx-reload", 2));
        assertThat(Repetition.of("lab-nginx-reload")).isEqualTo(new Repetition("lab-nginx-reload", 1));
        // Not a repetition: nothing after the separator, or not a number there.
        assertThat(Repetition.of("odd#")).isEqualTo(new Repetition("odd#", 1));
        assertThat(Repetition.of("odd#x")).isEqualTo(new Repetition("odd#x", 1));
        assertThatThrownBy(() -> new Repetition("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRepeatedGatewaysEventsAreRenamedAndEverythingElsePassesAsItIs() {
        RecordingJournal run = new RecordingJournal();
        Journal journal = new RepetitionJournal(run, "lab-haproxy-runtime", "lab-haproxy-runtime#2");
        RouteKey route = RouteKey.parse("t0001/r00001");
        Events.ProbePoll poll = new Events.ProbePoll(new Stamp(5, 6), "lab-haproxy-runtime", 7, route,
                Expect.PRESENT, PollOutcome.OK, 200, "b1", 4, 1_000_000);
        Events.Note runNote = new Events.Note(new Stamp(6, 7), NoteLevel.INFO, null, "about the whole run");
        Events.OpCompleted other = new Events.OpCompleted(new Stamp(7, 8), "lab-nginx-reload", 1, OpKind.CREATE, route,
                true, null, null);
        journal.append(poll);
        journal.append(runNote);
        journal.append(other);

        assertThat(run.events()).containsExactly(new Events.ProbePoll(new Stamp(5, 6), "lab-haproxy-runtime#2", 7,
                route, Expect.PRESENT, PollOutcome.OK, 200, "b1", 4, 1_000_000), runNote, other);
    }

    @Test
    void everyGatewayEventTypeKeepsEveryOtherFieldWhenRenamed() throws Exception {
        int types = 0;
        for (Class<? extends Event> type : EventTypes.all().values()) {
            if (!GatewayEvent.class.isAssignableFrom(type)) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] argTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                argTypes[i] = components[i].getType();
                args[i] = components[i].getName().equals("gateway") ? "a" : sample(argTypes[i]);
            }
            GatewayEvent event = (GatewayEvent) type.getDeclaredConstructor(argTypes).newInstance(args);

            GatewayEvent renamed = RepetitionJournal.renamed(event, "a#3");

            assertThat(renamed.gateway()).as(type.getSimpleName()).isEqualTo("a#3");
            assertThat(RepetitionJournal.renamed(renamed, "a")).as(type.getSimpleName()).isEqualTo(event);
            types++;
        }
        assertThat(types).isEqualTo(GatewayEvent.class.getPermittedSubclasses().length);
    }

    /** A value of {@code type} that is not its default, so that a field left out of the copy shows. */
    private static Object sample(Class<?> type) {
        if (type == long.class) {
            return 11L;
        } else if (type == int.class) {
            return 12;
        } else if (type == double.class || type == Double.class) {
            return 13.5;
        } else if (type == boolean.class) {
            return true;
        } else if (type == String.class) {
            return "text";
        } else if (type == Stamp.class) {
            return new Stamp(14, 15);
        } else if (type == RouteKey.class) {
            return RouteKey.parse("t0001/r00001");
        } else if (type == List.class) {
            return List.of("x");
        } else if (type == Map.class) {
            return Map.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        throw new AssertionError("no sample value for " + type);
    }
}
