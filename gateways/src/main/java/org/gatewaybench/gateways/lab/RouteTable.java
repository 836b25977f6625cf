package org.gatewaybench.gateways.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;

/**
 * A lab controller's view of the routes: what the data plane should serve. Routes that claim the
 * same host and path prefix are resolved by the policy's conflict rule, by the order in which the
 * controller first saw them (the creation order of a Kubernetes controller's informer): the oldest
 * claim wins and the next takes over when it goes, or the newest. Routes the policy forbids, or
 * that point at a backend the data plane does not have, are refused and reported instead of
 * served; snippet annotations are dropped unless the policy allows them. Whether a route's host
 * and path fit the data plane's configuration is the admission's job ({@link LabAdmission}): with
 * validation off, whatever comes is rendered.
 */
public final class RouteTable {

    /** The longest DNS name; nginx's server name hash is sized for it. */
    public static final int MAX_HOST_LENGTH = 253;

    /**
     * What the data plane serves for one host and path prefix. {@code serverSnippet} and
     * {@code locationSnippet} are the route's snippet annotations when the policy allows them, else null.
     */
    public record Entry(String host, String pathPrefix, Backend backend, String serverSnippet,
                        String locationSnippet) {

        /** An entry without snippets. */
        public Entry(String host, String pathPrefix, Backend backend) {
            this(host, pathPrefix, backend, null, null);
        }

        /** The lookup key: host and path prefix together, e.g. {@code a.example/api}. */
        public String key() {
            return host + pathPrefix;
        }
    }

    /** How one entry of the data plane changes. */
    public record EntryChange(Kind kind, Entry entry) {

        public enum Kind { ADD, SET, DEL }
    }

    /**
     * The effect of one batch of route changes.
     *
     * @param changes  how the entries changed (empty when the batch cancelled itself out)
     * @param refused  one line per route the batch could not put into a config, with the reason
     */
    public record Diff(List<EntryChange> changes, List<String> refused) {
    }

    private final Set<String> backendIds;
    private final LabPolicy policy;
    private final Set<String> neverServed;
    private final Map<RouteKey, Route> routes = new HashMap<>();
    /** When the controller first saw each route it holds: the order conflicts are decided by. */
    private final Map<RouteKey, Long> seen = new HashMap<>();
    private final Map<String, TreeMap<Long, Entry>> claims = new HashMap<>();
    private long nextSeen;

    /** An empty table whose routes may point at the backends named {@code backendIds}. */
    public RouteTable(Set<String> backendIds, LabPolicy policy) {
        this(backendIds, policy, Set.of());
    }

    /**
     * An empty table that also leaves out, silently, the routes named in {@code neverServed}
     * (the lab's forced finding, {@link LabOptions#NEVER_SERVE}).
     */
    public RouteTable(Set<String> backendIds, LabPolicy policy, Set<String> neverServed) {
        this.backendIds = Set.copyOf(backendIds);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.neverServed = Set.copyOf(neverServed);
    }

    /** Applies a batch of changes in order and says how the served entries changed. */
    public Diff apply(List<RouteChange> batch) {
        Map<String, Entry> before = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (RouteChange change : batch) {
            Route old = routes.get(change.route().key());
            if (old != null) {
                remember(before, entryKey(old));
                release(old);
            }
            if (change.kind() == RouteChange.Kind.DELETED || neverServed.contains(change.route().key().name())) {
                seen.remove(change.route().key());
                continue;
            }
            String problem = problem(change.route());
            if (problem != null) {
                seen.remove(change.route().key());
                refused.add("route " + change.route().key() + " refused: " + problem);
                continue;
            }
            remember(before, entryKey(change.route()));
            claim(change.route());
        }
        List<EntryChange> changes = new ArrayList<>();
        before.forEach((key, was) -> {
            Entry now = winner(key);
            if (was == null && now != null) {
                changes.add(new EntryChange(EntryChange.Kind.ADD, now));
            } else if (was != null && now == null) {
                changes.add(new EntryChange(EntryChange.Kind.DEL, was));
            } else if (was != null && !was.equals(now)) {
                changes.add(new EntryChange(EntryChange.Kind.SET, now));
            }
        });
        return new Diff(List.copyOf(changes), List.copyOf(refused));
    }

    /** Every route the table holds, winners and waiting claimants. */
    public List<Route> routes() {
        return List.copyOf(routes.values());
    }

    /** How many routes the table holds (each counted once, winners and waiting claimants). */
    public int routeCount() {
        return routes.size();
    }

    /** Every served entry, by host, then by path prefix. */
    public SortedMap<String, SortedMap<String, Entry>> byHost() {
        SortedMap<String, SortedMap<String, Entry>> hosts = new TreeMap<>();
        for (String key : claims.keySet()) {
            Entry e = winner(key);
            hosts.computeIfAbsent(e.host(), h -> new TreeMap<>()).put(e.pathPrefix(), e);
        }
        return hosts;
    }

    /** Every served entry. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(claims.size());
        for (String key : claims.keySet()) {
            entries.add(winner(key));
        }
        return entries;
    }

    private void remember(Map<String, Entry> before, String key) {
        if (!before.containsKey(key)) {
            before.put(key, winner(key));
        }
    }

    private Entry winner(String key) {
        TreeMap<Long, Entry> claimants = claims.get(key);
        if (claimants == null) {
            return null;
        }
        return (policy.conflicts() == LabPolicy.ConflictPolicy.OLDEST_WINS ? claimants.firstEntry()
                : claimants.lastEntry()).getValue();
    }

    private void claim(Route route) {
        routes.put(route.key(), route);
        long order = seen.computeIfAbsent(route.key(), k -> nextSeen++);
        Map<String, String> snippets = policy.snippets() ? LabPolicy.snippetsOf(route) : Map.of();
        claims.computeIfAbsent(entryKey(route), k -> new TreeMap<>()).put(order, new Entry(host(route),
                route.pathPrefix(), route.backend(), snippets.get(LabPolicy.SERVER_SNIPPET),
                snippets.get(LabPolicy.CONFIGURATION_SNIPPET)));
    }

    private void release(Route route) {
        routes.remove(route.key());
        String key = entryKey(route);
        TreeMap<Long, Entry> claimants = claims.get(key);
        claimants.remove(seen.get(route.key()));
        if (claimants.isEmpty()) {
            claims.remove(key);
        }
    }

    private String problem(Route route) {
        if (!backendIds.contains(route.backend().id())) {
            return "backend '" + route.backend().id() + "' is not one of the installed backends " + backendIds;
        }
        return policy.forbids(route, routes.values());
    }

    private static String entryKey(Route route) {
        return host(route) + route.pathPrefix();
    }

    private static String host(Route route) {
        return route.host().toLowerCase(Locale.ROOT);
    }
}
