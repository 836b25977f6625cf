package org.gatewaybench.core.journal;

/**
 * An event that belongs to one gateway's part of a run: everything but the run's first and last
 * line. Reports place it on that gateway's time axis.
 */
public sealed interface GatewayEvent extends Event permits Events.GatewayStarted, Events.GatewayStopped,
        Events.PhaseStarted, Events.PhaseEnded, Events.OpInvoked, Events.OpCompleted, Events.ConfigApplyStarted,
        Events.ConfigApplyEnded, Events.ProbePoll, Events.ProbeGaveUp, Events.HarnessLag, Events.Note,
        Events.ConnectionOpened, Events.ConnectionDropped, Events.ConnectionOpenFailed, Events.ConnectionPopulation,
        Events.TrafficWindow, Events.TrafficSummary, Events.ResourceSample, Events.ResourceSummary,
        Events.GatewayMetric, Events.WrkSummary, Events.FaultStarted, Events.FaultHealed,
        Events.RouteStatusObserved, Events.RouteApiRetried, Events.VersionsRecorded,
        Events.DiagnosticsCollected, Events.IsolationSettingsRecorded, Events.IsolationCheckStarted,
        Events.IsolationWrite, Events.IsolationRequest, Events.ControlEndpointTried, Events.IsolationVerdict,
        Events.AssertionEvaluated {

    /** The driver name of the gateway; null only for a {@link Events.Note} about the whole run. */
    String gateway();
}
