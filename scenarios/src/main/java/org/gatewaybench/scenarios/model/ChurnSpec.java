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
 * @param stopAfter   the churn ends after this many writes (0: no limit); {@code run --replay --focus}
 *                    sets it to cut a replay down to the writes that lead to a finding
 */
public record ChurnSpec(
        @Field(help = "route writes in flight at once", fallback = "8", min = 1, max = 256)
        int concurrency,
        @Field(help = "the churn phases, run in order for each gateway", required = true, minItems = 1)
        List<Phase> phases,
        @Field(help = "end the churn after this many writes (0: no limit); a focused replay sets it", fallback = "0",
                min = 0)
        long stopAfter) {

    public ChurnSpec {
        phases = named(phases);
    }

    /** Phases without a limit on writes. */
    public ChurnSpec(int concurrency, List<Phase> phases) {
        this(concurrency, phases, 0);
    }

    ChurnSpec withRoutes(int routes) {
        return new ChurnSpec(concurrency, phases.stream().map(p -> p.withRoutes(routes)).toList(), stopAfter);
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
