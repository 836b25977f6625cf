package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.time.Stamp;
import org.junit.jupiter.api.Test;

class ObservedJournalTest {

    private static Events.Note note(long mono) {
        return new Events.Note(new Stamp(mono, mono), NoteLevel.INFO, null, "n" + mono);
    }

    @Test
    void listenersSeeEveryEventAfterTheDelegateUntilClosed() throws Exception {
        RecordingJournal delegate = new RecordingJournal();
        ObservedJournal journal = new ObservedJournal(delegate);
        List<String> seen = new ArrayList<>();
        AutoCloseable handle = journal.listen(e -> seen.add(((Events.Note) e).message()
                + " in delegate: " + delegate.events().contains(e)));
        journal.append(note(1));
        handle.close();
        journal.append(note(2));
        assertThat(seen).containsExactly("n1 in delegate: true");
        assertThat(delegate.events()).containsExactly(note(1), note(2));
    }

    @Test
    void aFailingListenerIsNotedAndDoesNotStopTheOthers() {
        RecordingJournal delegate = new RecordingJournal();
        ObservedJournal journal = new ObservedJournal(delegate);
        List<Event> seen = new ArrayList<>();
        journal.listen(e -> {
            throw new IllegalStateException("boom");
        });
        journal.listen(seen::add);
        journal.append(note(1));
        assertThat(seen).containsExactly(note(1));
        assertThat(delegate.events()).hasSize(2);
        assertThat(((Events.Note) delegate.events().get(1)).message())
                .contains("journal listener failed on Note").contains("boom");
    }
}
