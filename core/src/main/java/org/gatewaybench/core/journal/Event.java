package org.gatewaybench.core.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.gatewaybench.core.time.Stamp;

/**
 * One thing that happened during a run, as one line of the journal. Every figure of every report
 * is computed from these events and nothing else. The {@code type} property names the record;
 * the list below is the journal schema (version {@link Journal#SCHEMA_VERSION}), documented in
 * docs/journal.md. New event types are added here; fields are only ever added, never renamed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Events.RunStarted.class, name = "run-started"),
    @JsonSubTypes.Type(value = Events.RunEnded.class, name = "run-ended"),
    @JsonSubTypes.Type(value = Events.GatewayStarted.class, name = "gateway-started"),
    @JsonSubTypes.Type(value = Events.GatewayStopped.class, name = "gateway-stopped"),
    @JsonSubTypes.Type(value = Events.PhaseStarted.class, name = "phase-started"),
    @JsonSubTypes.Type(value = Events.PhaseEnded.class, name = "phase-ended"),
    @JsonSubTypes.Type(value = Events.OpInvoked.class, name = "op-invoked"),
    @JsonSubTypes.Type(value = Events.OpCompleted.class, name = "op-completed"),
    @JsonSubTypes.Type(value = Events.ConfigApplyStarted.class, name = "config-apply-started"),
    @JsonSubTypes.Type(value = Events.ConfigApplyEnded.class, name = "config-apply-ended"),
    @JsonSubTypes.Type(value = Events.ProbePoll.class, name = "probe-poll"),
    @JsonSubTypes.Type(value = Events.ProbeGaveUp.class, name = "probe-gave-up"),
    @JsonSubTypes.Type(value = Events.HarnessLag.class, name = "harness-lag"),
    @JsonSubTypes.Type(value = Events.Note.class, name = "note"),
    @JsonSubTypes.Type(value = Events.ConnectionOpened.class, name = "connection-opened"),
    @JsonSubTypes.Type(value = Events.ConnectionDropped.class, name = "connection-dropped"),
    @JsonSubTypes.Type(value = Events.ConnectionOpenFailed.class, name = "connection-open-failed"),
    @JsonSubTypes.Type(value = Events.ConnectionPopulation.class, name = "connection-population"),
    @JsonSubTypes.Type(value = Events.TrafficWindow.class, name = "traffic-window"),
    @JsonSubTypes.Type(value = Events.TrafficSummary.class, name = "traffic-summary"),
    @JsonSubTypes.Type(value = Events.ResourceSample.class, name = "resource-sample"),
    @JsonSubTypes.Type(value = Events.ResourceSummary.class, name = "resource-summary"),
    @JsonSubTypes.Type(value = Events.GatewayMetric.class, name = "gateway-metric"),
    @JsonSubTypes.Type(value = Events.WrkSummary.class, name = "wrk-summary"),
    @JsonSubTypes.Type(value = Events.FaultStarted.class, name = "fault-started"),
    @JsonSubTypes.Type(value = Events.FaultHealed.class, name = "fault-healed"),
    @JsonSubTypes.Type(value = Events.RouteStatusObserved.class, name = "route-status-observed"),
    @JsonSubTypes.Type(value = Events.RouteApiRetried.class, name = "route-api-retried"),
})
public interface Event {

    /** When it happened. */
    Stamp at();
}
