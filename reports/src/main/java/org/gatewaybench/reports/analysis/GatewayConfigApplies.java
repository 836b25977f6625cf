package org.gatewaybench.reports.analysis;

import java.util.List;

/** Config applies of one gateway: figures and every apply in the order they started. */
public record GatewayConfigApplies(String gateway, ConfigApplyFigures figures, List<ConfigApply> applies) {

    public GatewayConfigApplies {
        applies = List.copyOf(applies);
    }
}
