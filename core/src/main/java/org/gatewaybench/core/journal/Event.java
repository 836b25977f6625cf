package org.gatewaybench.core.journal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import org.gatewaybench.core.time.Stamp;

/**
 * One thing that happened during a run, as one line of the journal. Every figure of every report
 * is computed from these events and nothing else. The {@code type} property names the record
 * ({@link EventTypes}); the records of {@link Events} are the journal schema (version
 * {@link Journal#SCHEMA_VERSION}), documented in docs/journal.md. Fields are only ever added,
 * never renamed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(EventTypes.class)
public sealed interface Event permits GatewayEvent, Events.RunStarted, Events.RunEnded {

    /** When it happened. */
    Stamp at();
}
