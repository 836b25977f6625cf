package org.gatewaybench.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyRecordOfTheSealedHierarchyHasItsTypeWord() {
        assertThat(EventTypes.all()).hasSize(Events.class.getDeclaredClasses().length);
        assertThat(EventTypes.all()).containsEntry("run-started", Events.RunStarted.class)
                .containsEntry("op-invoked", Events.OpInvoked.class)
                .containsEntry("route-api-retried", Events.RouteApiRetried.class);
        assertThat(EventTypes.word(Events.ConfigApplyStarted.class)).isEqualTo("config-apply-started");
    }

    @Test
    void everyGatewayEventNamesItsGateway() {
        assertThat(EventTypes.all().values()).filteredOn(t -> !GatewayEvent.class.isAssignableFrom(t))
                .containsExactlyInAnyOrder(Events.RunStarted.class, Events.RunEnded.class);
    }

    @Test
    void docsJournalDescribesEveryEventType() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "journal.md"));
        for (String type : EventTypes.all().keySet()) {
            assertThat(doc).as("docs/journal.md names %s", type).containsPattern("[| /]" + type + "[ |]");
        }
    }
}
