package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.FaultSpec;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.LongConnectionSpec;
import org.gatewaybench.scenarios.model.Phase;
import org.gatewaybench.scenarios.model.ProbeSpec;
import org.gatewaybench.scenarios.model.ResourceSpec;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.TrafficSpec;

/**
 * Reads and validates a scenario file. Every problem is reported at once, each with its file, line,
 * field path, what was expected and what was found; nothing is started for an invalid scenario.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        return load(file, Overrides.NONE);
    }

    /** Loads {@code file} with command-line {@code overrides} applied, then checks gateways against drivers. */
    public static Scenario load(Path file, Overrides overrides) {
        YamlDocument doc = YamlDocument.read(file);
        List<Problem> problems = new ArrayList<>(ShapeChecker.check(doc, ScenarioShape.SCENARIO));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Scenario fromFile = bind(doc);
        Scenario scenario = fromFile;
        if (overrides.fixture() != null) {
            try {
                scenario = scenario.withFixture(Word.parse(FixtureKind.class, overrides.fixture()));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(List.of(new Problem(file, 0, "--fixture",
                        "one of " + String.join(", ", Word.words(FixtureKind.class)), "'" + overrides.fixture() + "'")));
            }
        }
        if (!overrides.gateways().isEmpty()) {
            scenario = scenario.withGateways(overrides.gateways().stream()
                    .map(name -> scenarioOptions(fromFile, name)).toList());
        }
        if (overrides.routes() != null) {
            scenario = scenario.withRoutes(overrides.routes());
        }
        if (overrides.output() != null) {
            scenario = scenario.withOutput(overrides.output());
        }
        problems.addAll(checkGateways(doc, scenario, !overrides.gateways().isEmpty()));
        problems.addAll(LongConnectionChecks.check(doc, scenario));
        problems.addAll(CompanionChecks.check(doc, scenario));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return scenario;
    }

    /** A gateway named on the command line keeps the options the file gives it, if the file names it. */
    private static GatewaySpec scenarioOptions(Scenario fromFile, String name) {
        return fromFile.gateways().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElse(new GatewaySpec(name, Map.of()));
    }

    private static List<Problem> checkGateways(YamlDocument doc, Scenario scenario, boolean fromCommandLine) {
        List<Problem> problems = new ArrayList<>();
        Path file = doc.file();
        Map<String, Integer> indexInFile = new HashMap<>();
        JsonNode listed = doc.root().get("gateways");
        for (int i = 0; i < listed.size(); i++) {
            indexInFile.putIfAbsent(listed.get(i).get("name").asText(), i);
        }
        for (int i = 0; i < scenario.gateways().size(); i++) {
            GatewaySpec spec = scenario.gateways().get(i);
            Integer at = indexInFile.get(spec.name());
            String path = fromCommandLine && at == null ? "--gateways" : "gateways[" + (at == null ? i : at) + "]";
            int line = path.startsWith("--") ? 0 : doc.lineOf(path + ".name");
            Optional<GatewayDriver> driver = GatewayCatalog.find(spec.name());
            if (driver.isEmpty()) {
                problems.add(new Problem(file, line, path.startsWith("--") ? path : path + ".name",
                        "a known gateway: " + GatewayCatalog.all().stream().map(GatewayDriver::name)
                                .collect(Collectors.joining(", ")), "'" + spec.name() + "'"));
                continue;
            }
            if (!driver.get().fixtures().contains(scenario.fixture())) {
                problems.add(new Problem(file, line, path.startsWith("--") ? path : path + ".name",
                        "a gateway that runs on fixture '" + scenario.fixture() + "' ("
                                + spec.name() + " runs on " + words(driver.get().fixtures()) + ")",
                        "'" + spec.name() + "'"));
            }
            Map<String, GatewayOption> options = driver.get().options().stream()
                    .collect(Collectors.toMap(GatewayOption::name, o -> o));
            for (Map.Entry<String, String> e : spec.options().entrySet()) {
                String optionPath = path + ".options." + e.getKey();
                GatewayOption option = options.get(e.getKey());
                if (option == null) {
                    problems.add(new Problem(file, doc.lineOf(optionPath), optionPath,
                            "an option of " + spec.name() + ": " + String.join(", ", options.keySet()),
                            "unknown option '" + e.getKey() + "'"));
                } else if (!valid(option, e.getValue())) {
                    problems.add(new Problem(file, doc.lineOf(optionPath), optionPath,
                            describe(option), "'" + e.getValue() + "'"));
                }
            }
        }
        return problems;
    }

    private static String words(Set<FixtureKind> kinds) {
        return kinds.stream().sorted().map(FixtureKind::word).collect(Collectors.joining(", "));
    }

    static boolean valid(GatewayOption option, String value) {
        try {
            switch (option.type()) {
                case DURATION -> Durations.parse(value);
                case INTEGER -> {
                    long n = Long.parseLong(value);
                    if (n < option.min() || n > option.max()) {
                        return false;
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return false;
                    }
                }
                case STRING -> {
                    // any text
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(GatewayOption option) {
        return switch (option.type()) {
            case DURATION -> "a duration like 250ms, 2s or 5m";
            case INTEGER -> option.min() == Long.MIN_VALUE && option.max() == Long.MAX_VALUE ? "a whole number"
                    : "a whole number from " + option.min() + " to " + option.max();
            case BOOLEAN -> "true or false";
            case STRING -> "text";
        };
    }

    private static Scenario bind(YamlDocument doc) {
        JsonNode root = doc.root();
        List<GatewaySpec> gateways = new ArrayList<>();
        for (JsonNode g : root.get("gateways")) {
            Map<String, String> options = new LinkedHashMap<>();
            if (g.has("options")) {
                g.get("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
            }
            gateways.add(new GatewaySpec(g.get("name").asText(), options));
        }
        return new Scenario(doc.file(), root.get("name").asText(),
                text(root, "description", ScenarioShape.SCENARIO),
                Word.parse(FixtureKind.class, text(root, "fixture", ScenarioShape.SCENARIO)),
                Path.of(text(root, "output", ScenarioShape.SCENARIO)),
                gateways,
                (int) whole(root, "tenants", ScenarioShape.SCENARIO),
                (int) whole(root, "backends", ScenarioShape.SCENARIO),
                (int) whole(root, "stableRoutes", ScenarioShape.SCENARIO),
                churn(root.get("churn")),
                probe(root.get("probe")),
                traffic(root.get("traffic")),
                root.has("resources") ? new ResourceSpec(duration(root.get("resources"), "interval",
                        ScenarioShape.RESOURCES)) : null,
                chaos(root.get("chaos")),
                longConnections(root.get("longConnections")));
    }

    private static TrafficSpec traffic(JsonNode traffic) {
        if (traffic == null) {
            return null;
        }
        Shape.Obj shape = ScenarioShape.TRAFFIC;
        JsonNode wrk = traffic.get("wrk");
        return new TrafficSpec(traffic.get("rate").asDouble(),
                traffic.has("duration") ? duration(traffic, "duration", shape) : null,
                duration(traffic, "requestTimeout", shape),
                wrk == null ? null : new TrafficSpec.WrkSpec((int) whole(wrk, "connections", ScenarioShape.WRK),
                        duration(wrk, "duration", ScenarioShape.WRK)));
    }

    /** The faults in time order (a stable sort keeps the file's order for faults at the same time). */
    private static List<FaultSpec> chaos(JsonNode chaos) {
        List<FaultSpec> faults = new ArrayList<>();
        if (chaos == null) {
            return faults;
        }
        Shape.Obj shape = ScenarioShape.FAULT;
        for (JsonNode f : chaos) {
            faults.add(new FaultSpec(duration(f, "at", shape), Word.parse(FaultAction.class, f.get("action").asText()),
                    Word.parse(FaultTarget.class, f.get("target").asText()), duration(f, "duration", shape),
                    f.has("memory") ? memoryBytes(f.get("memory").asText()) : 0));
        }
        faults.sort(java.util.Comparator.comparing(FaultSpec::at));
        return faults;
    }

    /** Bytes of a size the shape accepted: digits with an optional Ki, Mi or Gi. */
    static long memoryBytes(String text) {
        long unit = text.endsWith("Ki") ? 1L << 10 : text.endsWith("Mi") ? 1L << 20 : text.endsWith("Gi") ? 1L << 30 : 1;
        String digits = unit == 1 ? text : text.substring(0, text.length() - 2);
        return Math.multiplyExact(Long.parseLong(digits), unit);
    }

    private static LongConnectionSpec longConnections(JsonNode node) {
        if (node == null) {
            return null;
        }
        Shape.Obj shape = ScenarioShape.LONG_CONNECTIONS;
        return new LongConnectionSpec((int) whole(node, "websocket", shape), (int) whole(node, "http1", shape),
                (int) whole(node, "sse", shape), (int) whole(node, "h2c", shape), duration(node, "interval", shape));
    }

    private static ChurnSpec churn(JsonNode churn) {
        List<Phase> phases = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode p : churn.get("phases")) {
            String kind = p.get("kind").asText();
            String base = p.has("name") ? p.get("name").asText() : kind;
            int n = seen.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "-" + n;
            double rate = p.get("rate").asDouble();
            phases.add(switch (kind) {
                case "ramp" -> new Phase.Ramp(name, p.get("to").asInt(), rate);
                case "steady" -> new Phase.Steady(name, rate, p.get("population").asInt(),
                        Durations.parse(p.get("duration").asText()));
                default -> new Phase.DeleteAll(name, rate);
            });
        }
        return new ChurnSpec((int) whole(churn, "concurrency", ScenarioShape.CHURN), phases);
    }

    private static ProbeSpec probe(JsonNode probe) {
        Shape.Obj shape = ScenarioShape.PROBE;
        return new ProbeSpec(duration(probe, "pollInterval", shape), (int) whole(probe, "consecutiveSuccesses", shape),
                duration(probe, "timeout", shape), (int) whole(probe, "maxRequestsPerSecond", shape),
                (int) whole(probe, "connections", shape));
    }

    private static String text(JsonNode node, String field, Shape.Obj shape) {
        return node != null && node.has(field) ? node.get(field).asText() : fallback(shape, field);
    }

    private static long whole(JsonNode node, String field, Shape.Obj shape) {
        return node != null && node.has(field) ? node.get(field).asLong() : Long.parseLong(fallback(shape, field));
    }

    private static Duration duration(JsonNode node, String field, Shape.Obj shape) {
        return Durations.parse(text(node, field, shape));
    }

    private static String fallback(Shape.Obj shape, String field) {
        return shape.fields().stream().filter(f -> f.name().equals(field)).findFirst()
                .map(Shape.Field::fallback).orElseThrow();
    }
}
