package org.gatewaybench.scenarios.model;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.scenarios.rules.IsolationRules;

/**
 * The isolation checks run on each gateway before its churn: what one tenant (B, the attacker) can
 * do to another's (A, the victim) traffic, judged through the data plane.
 *
 * @param checks      the checks in the order they run; absent or empty means all eight
 * @param bystanders  how many quiet tenants ({@code iso-quiet-1}, ...) take part
 * @param intrusive   whether checks that change a gateway beyond routes may run on a kubeconfig cluster
 */
@CheckedBy(IsolationRules.class)
public record IsolationSpec(
        @Field(help = "the isolation checks to run on each gateway, in this order (absent or empty: all eight)",
                fallback = "[]")
        List<IsolationCheck> checks,
        @Field(help = "tenant A, whose traffic is watched", fallback = "iso-victim", pattern = Names.PATTERN,
                form = "a lower-case name like iso-victim")
        String victim,
        @Field(help = "tenant B, who tries to take, break, read or slow A's traffic", fallback = "iso-attacker",
                pattern = Names.PATTERN, form = "a lower-case name like iso-attacker")
        String attacker,
        @Field(help = "quiet tenants (iso-quiet-1, ...): barriers, blast radius and noisy neighbour", fallback = "3",
                min = 1, max = 50)
        int bystanders,
        @Field(help = "on a kubeconfig cluster, also run checks that change a gateway beyond routes (a snippet, a "
                + "file planted in the gateway); others may share that gateway", fallback = "false")
        boolean intrusive,
        @Field(help = "how long A's hosts are watched more once the gateway has taken B's write", fallback = "1s",
                atLeast = "100ms")
        Duration settle,
        @Field(help = "the bounds that make a slowdown degraded and a delay a stall", fallback = "{}")
        Bounds bounds,
        @Field(help = "B's storm of routes in noisy-neighbour", fallback = "{}")
        Storm storm,
        @Field(help = "the quiet tenants' route creates per second in noisy-neighbour", fallback = "5", min = 0,
                aboveMin = true, max = 1000)
        double quietRate,
        @Field(help = "how long the quiet tenants are timed before B's storm in noisy-neighbour", fallback = "5s",
                atLeast = "1s")
        Duration window) {

    /** The prefix of the quiet tenants' names. */
    public static final String BYSTANDER_PREFIX = "iso-quiet-";

    public IsolationSpec {
        checks = checks == null || checks.isEmpty() ? List.of(IsolationCheck.values()) : List.copyOf(checks);
    }

    /** The quiet tenants' names. */
    public List<String> bystanderTenants() {
        return IntStream.rangeClosed(1, bystanders).mapToObj(i -> BYSTANDER_PREFIX + i).toList();
    }

    /**
     * When other tenants count as slowed (degraded) and held back (stalled).
     *
     * @param latencyRatio slower than this many times the baseline ...
     * @param floor        ... and by more than this: degraded
     * @param stall        config-poisoning: not live within this while B's bad route exists: stalled
     */
    public record Bounds(
            @Field(help = "degraded when other tenants' activation (p50 in config-poisoning, p99 in noisy-neighbour) "
                    + "is more than this many times its baseline", fallback = "3", min = 1, aboveMin = true, max = 1000)
            double latencyRatio,
            @Field(help = "... and slower by more than this (smaller differences are noise)", fallback = "50ms")
            Duration floor,
            @Field(help = "config-poisoning: another tenant's write not live within this while B's bad route exists "
                    + "is stalled", fallback = "5s", atLeast = "100ms")
            Duration stall) {
    }

    /**
     * B's storm in noisy-neighbour.
     *
     * @param routes how many routes B creates (and deletes after)
     * @param rate   B's creates per second
     */
    public record Storm(
            @Field(help = "how many routes B creates", fallback = "1000", min = 1, max = 100_000)
            int routes,
            @Field(help = "B's route creates per second", fallback = "500", min = 0, aboveMin = true, max = 100_000)
            double rate) {

        /** How long the storm's creates take. */
        public Duration duration() {
            return Duration.ofMillis((long) Math.ceil(routes / rate * 1000));
        }
    }
}
