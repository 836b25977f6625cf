package org.gatewaybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.route.PhaseKind;
import org.junit.jupiter.api.Test;

class WordTest {

    @Test
    void aConstantIsWrittenAsItsNameInLowerCaseWithDashes() {
        assertThat(PhaseKind.DELETE_ALL.word()).isEqualTo("delete-all");
        assertThat(PollOutcome.NOT_YET.word()).isEqualTo("not-yet");
        assertThat(Word.words(FaultTarget.class)).containsExactly("controller", "data-plane", "node");
    }

    @Test
    void parsingTakesTheWordAndTheWordsOfEarlierVersions() {
        assertThat(Word.parse(PhaseKind.class, "delete-all")).isEqualTo(PhaseKind.DELETE_ALL);
        assertThat(Word.parse(NoteLevel.class, "warn")).isEqualTo(NoteLevel.WARNING);
        assertThat(Word.words(NoteLevel.class)).as("a former word is read, never offered").doesNotContain("warn");
    }

    @Test
    void anUnknownWordNamesTheVocabularyAndItsWords() {
        assertThatThrownBy(() -> Word.parse(PollOutcome.class, "maybe"))
                .hasMessage("unknown poll outcome 'maybe': expected one of ok, not-yet, error");
        assertThatThrownBy(() -> Word.parse(PhaseKind.class, "DELETE_ALL"))
                .as("the constant's Java name is not a word").isInstanceOf(IllegalArgumentException.class);
    }
}
