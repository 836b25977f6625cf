package org.gatewaybench.reports.analysis;

import java.util.List;

/**
 * The faults injected into one gateway with their recovery, and the error signals the fault
 * timeline draws around them (seconds since the gateway started).
 *
 * @param errorPollSeconds when the activation probe got an error answer (5xx, reset, wrong backend)
 * @param dropSeconds      when a held long connection dropped
 */
public record GatewayFaults(List<FaultRecovery> faults, List<Double> errorPollSeconds, List<Double> dropSeconds) {

    public GatewayFaults {
        faults = List.copyOf(faults);
        errorPollSeconds = List.copyOf(errorPollSeconds);
        dropSeconds = List.copyOf(dropSeconds);
    }
}
