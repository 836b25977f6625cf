package org.gatewaybench.gateways;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.fixtures.FixtureKind;

/**
 * The faults of one driver: the registry from which both "what this driver supports" (scenario
 * validation, {@code gateway-bench gateways}) and the injection during a run are derived.
 *
 * @param <G> what the faults act on
 */
public final class FaultCatalog<G> {

    private final List<FaultKind<G>> kinds;

    public FaultCatalog(List<FaultKind<G>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The actions against {@code target} on a fixture of {@code fixture}. */
    public Set<FaultAction> supported(FixtureKind fixture, FaultTarget target) {
        Set<FaultAction> actions = EnumSet.noneOf(FaultAction.class);
        for (FaultKind<G> kind : kinds) {
            if (kind.targets().contains(target) && kind.availableOn(fixture)) {
                actions.add(kind.action());
            }
        }
        return Set.copyOf(actions);
    }

    /** The injector of these faults for {@code gateway}, installed on a fixture of {@code fixture}. */
    public FaultInjector injectorFor(G gateway, String name, FixtureKind fixture) {
        return new FaultInjector() {
            @Override
            public Set<FaultAction> supported(FaultTarget target) {
                return FaultCatalog.this.supported(fixture, target);
            }

            @Override
            public Fault inject(FaultRequest request) {
                return find(request.action(), request.target(), fixture)
                        .orElseThrow(() -> new GatewayException(name + " cannot " + request.describe() + " on fixture "
                                + fixture + ": it supports " + supported(request.target()) + " against the "
                                + request.target()))
                        .inject(gateway, request);
            }
        };
    }

    private Optional<FaultKind<G>> find(FaultAction action, FaultTarget target, FixtureKind fixture) {
        return kinds.stream().filter(k -> k.action() == action && k.targets().contains(target)
                && k.availableOn(fixture)).findFirst();
    }
}
