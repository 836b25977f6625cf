package org.gatewaybench.scenarios.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.scenarios.run.HarnessVersions;

/**
 * A rerun of a recorded run: its scenario as run, with chart versions pinned to the recorded ones,
 * optionally cut down to one route ({@link #focus}), and the differences between what ran then and
 * what would run here.
 *
 * <p>Versions: a chart is pinned (the replay installs the recorded chart version). The lab's nginx
 * and HAProxy and the harness itself cannot be pinned: they are what this machine has, so a
 * difference is shown as a warning (refused with {@code --strict-versions}); the replay's own
 * journal records its versions, so both runs say what they ran.
 */
public final class Replay {

    /** Writes kept after the focus route's last write: the load the data plane had right after it. */
    public static final int FOCUS_MARGIN = 20;

    private final RunRecord record;
    private final Map<String, Object> scenario;

    private Replay(RunRecord record, Map<String, Object> scenario) {
        this.record = record;
        this.scenario = scenario;
    }

    /**
     * The replay of {@code record}, charts pinned to their recorded versions.
     *
     * @throws IllegalArgumentException when the journal does not hold the whole scenario as run
     */
    @SuppressWarnings("unchecked")
    public static Replay of(RunRecord record) {
        if (!record.replayable()) {
            throw new IllegalArgumentException(record.source() + ": its journal (schema " + record.schema()
                    + ") does not hold the whole scenario as run; run its scenario.yaml with gateway-bench run instead");
        }
        Map<String, Object> tree = deepCopy(record.settings());
        for (Object g : (List<Object>) tree.getOrDefault("gateways", List.of())) {
            Map<String, Object> gateway = (Map<String, Object>) g;
            String chart = record.versions().getOrDefault(String.valueOf(gateway.get("name")), Map.of()).get("chart");
            if (chart != null && chart.contains(" ")) {
                Map<String, Object> options = (Map<String, Object>) gateway.computeIfAbsent("options",
                        k -> new LinkedHashMap<>());
                options.putIfAbsent("chartVersion", chart.substring(chart.lastIndexOf(' ') + 1));
            }
        }
        return new Replay(record, tree);
    }

    /**
     * The same replay cut down to {@code route}: only the gateways that wrote it, and the churn
     * stopped {@value #FOCUS_MARGIN} writes after the route's last write. Everything before is kept:
     * with the same seed the writes before it are the same writes, and they make the state (routes
     * present, config size, pending applies) the route met. The phases, rates and probe settings stay.
     *
     * @throws IllegalArgumentException when the run never wrote {@code route}
     */
    @SuppressWarnings("unchecked")
    public Replay focus(String route) {
        List<String> gateways = record.gatewaysWriting(route);
        if (gateways.isEmpty()) {
            throw new IllegalArgumentException("--focus " + route + ": run " + record.runId()
                    + " never wrote that route (give tenant/name or the name, e.g. t0007/r000007)");
        }
        Map<String, Object> tree = deepCopy(scenario);
        List<Object> kept = new ArrayList<>();
        for (Object g : (List<Object>) tree.get("gateways")) {
            if (gateways.contains(String.valueOf(((Map<String, Object>) g).get("name")))) {
                kept.add(g);
            }
        }
        tree.put("gateways", kept);
        long last = gateways.stream().mapToLong(g -> record.lastOp(g, route)).max().orElseThrow();
        Map<String, Object> churn = (Map<String, Object>) tree.get("churn");
        churn.put("stopAfter", last + FOCUS_MARGIN);
        return new Replay(record, tree);
    }

    /** The scenario to run, as a tree of the file's fields. */
    public Map<String, Object> scenario() {
        return scenario;
    }

    /**
     * What differs between the recorded run and this machine: the harness (version, commit) and,
     * per gateway, each component the driver can tell before installing (the lab's binaries; charts
     * are pinned). {@code options} are each gateway's options as the replay runs it.
     */
    @SuppressWarnings("unchecked")
    public List<String> versionDifferences() {
        List<String> differences = new ArrayList<>();
        Map<String, String> then = record.versions().getOrDefault("run", Map.of());
        Map<String, String> now = HarnessVersions.of();
        for (String key : List.of(HarnessVersions.HARNESS, HarnessVersions.COMMIT)) {
            if (then.containsKey(key) && !Objects.equals(then.get(key), now.get(key))) {
                differences.add(key + ": recorded " + then.get(key) + ", here " + now.get(key));
            }
        }
        for (Object g : (List<Object>) scenario.get("gateways")) {
            Map<String, Object> gateway = (Map<String, Object>) g;
            String name = String.valueOf(gateway.get("name"));
            Map<String, String> recorded = record.versions().getOrDefault(name, Map.of());
            Map<String, String> options = new LinkedHashMap<>();
            ((Map<String, Object>) gateway.getOrDefault("options", Map.of()))
                    .forEach((k, v) -> options.put(k, String.valueOf(v)));
            GatewayCatalog.find(name).ifPresent(driver -> driver.versionsHere(options).forEach((part, here) -> {
                String was = recorded.get(part);
                if (was != null && !was.equals(here)) {
                    differences.add(name + " " + part + ": recorded " + was + ", here " + here);
                }
            }));
        }
        return differences;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
