package org.gatewaybench.gateways.lab;

import java.util.List;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.ProcessSupervisor;
import org.gatewaybench.gateways.FaultKind;

/**
 * A fault of a lab gateway. The lab's faults, each a class of its own with its heal:
 * <ul>
 * <li>data plane: {@link KillDataPlane}, {@link FreezeDataPlane}, {@link SqueezeDataPlane};</li>
 * <li>controller: {@link KillController}, {@link FreezeController}, {@link PartitionController}.</li>
 * </ul>
 * There is no node to restart in the lab. {@link LabDriver#FAULTS} lists them.
 */
abstract class LabFault implements FaultKind<LabGateway> {

    private final FaultAction action;
    private final FaultTarget target;

    LabFault(FaultAction action, FaultTarget target) {
        this.action = action;
        this.target = target;
    }

    @Override
    public FaultAction action() {
        return action;
    }

    @Override
    public Set<FaultTarget> targets() {
        return Set.of(target);
    }

    @Override
    public boolean availableOn(FixtureKind kind) {
        return kind == FixtureKind.EMBEDDED;
    }

    /** The processes below {@code pid} (nginx's workers, HAProxy's worker), now. */
    static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).toList();
    }

    /** {@code pid} and its descendants, now. */
    static List<Long> tree(long pid) {
        List<Long> tree = new java.util.ArrayList<>();
        tree.add(pid);
        tree.addAll(descendants(pid));
        return List.copyOf(tree);
    }

    static void signalQuietly(ProcessSupervisor processes, long pid, String signal) {
        try {
            processes.signal(pid, signal);
        } catch (FixtureException gone) {
            // The process exited between listing and signalling: nothing left to signal.
        }
    }
}
