package org.gatewaybench.gateways.kubernetes.faults;

import org.gatewaybench.gateways.FaultCatalog;
import org.gatewaybench.gateways.kubernetes.FaultProfile;

/** The fault catalog of a Helm driver, from its {@link FaultProfile}. */
public final class ClusterFaults {

    private ClusterFaults() {
    }

    public static FaultCatalog<ClusterGateway> of(FaultProfile profile) {
        return ClusterFault.catalog(profile);
    }
}
