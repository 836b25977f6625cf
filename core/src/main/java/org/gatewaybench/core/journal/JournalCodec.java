package org.gatewaybench.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gatewaybench.core.WordModule;

/** The one mapping between events and journal lines. */
public final class JournalCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new WordModule())
            // A newer harness may add fields and event types; an older reader skips them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .build();

    private JournalCodec() {
    }

    public static String toLine(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }

    /** The event of one line, or null for an event type this version does not know. */
    public static Event fromLine(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, Event.class);
    }
}
