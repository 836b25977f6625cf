package org.gatewaybench.scenarios.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.gatewaybench.core.Word;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.scenarios.model.GatewaySpec;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * Reads and validates a scenario file. Every problem is reported at once, each with its file, line,
 * field path, what was expected and what was found; nothing is started for an invalid scenario.
 * What a valid file is comes from the model records ({@link Description}); this class only orders
 * the steps: the form of every field, binding with defaults, command-line overrides, then the
 * rules across fields of each section.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        return load(file, Overrides.NONE);
    }

    /** Loads {@code file} with command-line {@code overrides} applied, then checks the sections' rules. */
    public static Scenario load(Path file, Overrides overrides) {
        YamlDocument doc = YamlDocument.read(file);
        List<Problem> problems = new ArrayList<>(ShapeChecker.check(doc, Description.scenario()));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Scenario fromFile = Binder.bind(doc.root(), Description.scenario(), Scenario.class, Map.of("source", file));
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
        if (overrides.repeat() != null) {
            if (overrides.repeat() < 1 || overrides.repeat() > Scenario.MAX_REPEAT) {
                throw new ScenarioException(List.of(new Problem(file, 0, "--repeat",
                        "a whole number from 1 to " + Scenario.MAX_REPEAT, String.valueOf(overrides.repeat()))));
            }
            scenario = scenario.withRepeat(overrides.repeat());
        }
        problems.addAll(RulesWalker.check(doc, scenario, Map.of("gateways", gatewayPaths(fromFile, scenario))));
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

    /** Where each gateway of the run is: its place in the file, or --gateways when only the command line names it. */
    private static IntFunction<String> gatewayPaths(Scenario fromFile, Scenario scenario) {
        Map<String, Integer> inFile = new HashMap<>();
        for (int i = 0; i < fromFile.gateways().size(); i++) {
            inFile.putIfAbsent(fromFile.gateways().get(i).name(), i);
        }
        return i -> {
            Integer at = inFile.get(scenario.gateways().get(i).name());
            return at == null ? "--gateways" : "gateways[" + at + "]";
        };
    }
}
