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
import java.util.regex.Pattern;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;

/**
 * A lab controller's view of the routes: what the data plane should serve. Routes that claim the
 * same host and path prefix are resolved like a Kubernetes controller resolves conflicting rules:
 * one wins (here the smallest route key, so the choice does not depend on arrival order) and the
 * next takes over when it goes. Routes a config cannot carry (odd characters, unknown backend)
 * are refused and reported instead of breaking the data plane for everyone.
 */
public final class RouteTable {

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    /** The longest DNS name; nginx's server name hash is sized for it. */
    public static final int MAX_HOST_LENGTH = 253;
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    /** What the data plane serves for one host and path prefix. */
    public record Entry(String host, String pathPrefix, Backend backend) {

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
    private final Set<String> neverServed;
    private final Map<RouteKey, Route> routes = new HashMap<>();
    private final Map<String, TreeMap<RouteKey, Entry>> claims = new HashMap<>();

    /** An empty table whose routes may point at the backends named {@code backendIds}. */
    public RouteTable(Set<String> backendIds) {
        this(backendIds, Set.of());
    }

    /**
     * An empty table that also leaves out, silently, the routes named in {@code neverServed}
     * (the lab's forced finding, {@link LabOptions#NEVER_SERVE}).
     */
    public RouteTable(Set<String> backendIds, Set<String> neverServed) {
        this.backendIds = Set.copyOf(backendIds);
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
                continue;
            }
            String problem = problem(change.route());
            if (problem != null) {
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
            } else if (was != null && !Objects.equals(was.backend(), now.backend())) {
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
    public SortedMap<String, SortedMap<String, Backend>> byHost() {
        SortedMap<String, SortedMap<String, Backend>> hosts = new TreeMap<>();
        for (TreeMap<RouteKey, Entry> claimants : claims.values()) {
            Entry e = claimants.firstEntry().getValue();
            hosts.computeIfAbsent(e.host(), h -> new TreeMap<>()).put(e.pathPrefix(), e.backend());
        }
        return hosts;
    }

    /** Every served entry. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(claims.size());
        for (TreeMap<RouteKey, Entry> claimants : claims.values()) {
            entries.add(claimants.firstEntry().getValue());
        }
        return entries;
    }

    private void remember(Map<String, Entry> before, String key) {
        if (!before.containsKey(key)) {
            before.put(key, winner(key));
        }
    }

    private Entry winner(String key) {
        TreeMap<RouteKey, Entry> claimants = claims.get(key);
        return claimants == null ? null : claimants.firstEntry().getValue();
    }

    private void claim(Route route) {
        routes.put(route.key(), route);
        claims.computeIfAbsent(entryKey(route), k -> new TreeMap<>())
                .put(route.key(), new Entry(host(route), route.pathPrefix(), route.backend()));
    }

    private void release(Route route) {
        routes.remove(route.key());
        String key = entryKey(route);
        TreeMap<RouteKey, Entry> claimants = claims.get(key);
        claimants.remove(route.key());
        if (claimants.isEmpty()) {
            claims.remove(key);
        }
    }

    private String problem(Route route) {
        if (route.host().length() > MAX_HOST_LENGTH || !HOST.matcher(host(route)).matches()) {
            return "host '" + route.host() + "' is not a plain DNS name (letters, digits, '-', '.', at most " + MAX_HOST_LENGTH + " characters)";
        }
        if (!PATH.matcher(route.pathPrefix()).matches()) {
            return "path prefix '" + route.pathPrefix() + "' has characters other than letters, digits and -._~/";
        }
        if (!backendIds.contains(route.backend().id())) {
            return "backend '" + route.backend().id() + "' is not one of the installed backends " + backendIds;
        }
        return null;
    }

    private static String entryKey(Route route) {
        return host(route) + route.pathPrefix();
    }

    private static String host(Route route) {
        return route.host().toLowerCase(Locale.ROOT);
    }
}
