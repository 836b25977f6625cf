package org.gatewaybench.probes.isolation;

import java.util.Map;
import org.gatewaybench.core.isolation.IsolationCheck;

/** What one isolation check does through a {@link CheckRun}: writes as A, B and bystanders, and asks. */
interface Procedure {

    void run(CheckRun run) throws InterruptedException;

    /** The procedure of every check. */
    Map<IsolationCheck, Procedure> ALL = Map.of(
            IsolationCheck.SAME_HOST_SAME_PATH, new HostCapture(false),
            IsolationCheck.SUB_PATH_CAPTURE, new HostCapture(true),
            IsolationCheck.WILDCARD_CAPTURE, new WildcardCapture(),
            IsolationCheck.CROSS_NAMESPACE_BACKEND, new CrossNamespaceBackend(),
            IsolationCheck.CONFIG_POISONING, new ConfigPoisoning(),
            IsolationCheck.SNIPPET_INJECTION, new SnippetInjection(),
            IsolationCheck.CONTROL_PLANE_EXPOSURE, new ControlPlaneExposure(),
            IsolationCheck.NOISY_NEIGHBOUR, new NoisyNeighbour());
}
