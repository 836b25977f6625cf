package org.gatewaybench.scenarios.model;

import java.util.List;

/**
 * The schedule of route writes: phases run one after another for each gateway.
 *
 * @param concurrency how many writes may be in flight at once
 */
public record ChurnSpec(int concurrency, List<Phase> phases) {

    public ChurnSpec {
        phases = List.copyOf(phases);
    }

    ChurnSpec withRoutes(int routes) {
        return new ChurnSpec(concurrency, phases.stream().map(p -> p.withRoutes(routes)).toList());
    }
}
