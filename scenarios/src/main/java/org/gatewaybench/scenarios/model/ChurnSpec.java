package org.gatewaybench.scenarios.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule of route writes: phases run one after another for each gateway. A phase without a
 * name is named by its kind; a second phase of the same name gets "-2", and so on.
 *
 * @param concurrency how many writes may be in flight at once
 */
public record ChurnSpec(
        @Field(help = "route writes in flight at once", fallback = "8", min = 1, max = 256)
        int concurrency,
        @Field(help = "the churn phases, run in order for each gateway", required = true, minItems = 1)
        List<Phase> phases) {

    public ChurnSpec {
        phases = named(phases);
    }

    ChurnSpec withRoutes(int routes) {
        return new ChurnSpec(concurrency, phases.stream().map(p -> p.withRoutes(routes)).toList());
    }

    private static List<Phase> named(List<Phase> phases) {
        Map<String, Integer> seen = new HashMap<>();
        List<Phase> named = new ArrayList<>();
        for (Phase p : phases) {
            String base = p.name() != null ? p.name() : p.kind().word();
            int n = seen.merge(base, 1, Integer::sum);
            named.add(p.withName(n == 1 ? base : base + "-" + n));
        }
        return List.copyOf(named);
    }
}
