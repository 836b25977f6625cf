package org.gatewaybench.scenarios.load;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.gatewaybench.scenarios.model.CheckedBy;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.model.SectionRules;

/**
 * Runs the rules of every section of a scenario that has them ({@link CheckedBy}), each with
 * findings located at the section's place in the file. A list's items are at {@code field[i]}
 * unless {@code itemPaths} says otherwise (gateways named on the command line).
 */
final class RulesWalker {

    private final YamlDocument doc;
    private final Scenario scenario;
    private final Map<String, IntFunction<String>> itemPaths;
    private final List<Problem> problems = new ArrayList<>();

    private RulesWalker(YamlDocument doc, Scenario scenario, Map<String, IntFunction<String>> itemPaths) {
        this.doc = doc;
        this.scenario = scenario;
        this.itemPaths = itemPaths;
    }

    static List<Problem> check(YamlDocument doc, Scenario scenario, Map<String, IntFunction<String>> itemPaths) {
        RulesWalker walker = new RulesWalker(doc, scenario, itemPaths);
        walker.walk(scenario, Description.scenario(), "");
        return List.copyOf(walker.problems);
    }

    private void walk(Object record, Shape.Mapping shape, String path) {
        rules(record, path);
        for (Shape.Field f : shape.fields()) {
            if (f.component() == null) {
                continue;
            }
            Object value = read(f.component(), record);
            String at = path.isEmpty() ? f.name() : path + "." + f.name();
            if (value instanceof List<?> items && f.shape() instanceof Shape.ListOf list
                    && list.item() instanceof Shape.Mapping item) {
                IntFunction<String> itemPath = itemPaths.getOrDefault(at, i -> at + "[" + i + "]");
                for (int i = 0; i < items.size(); i++) {
                    walk(items.get(i), item, itemPath.apply(i));
                }
            } else if (value != null && f.shape() instanceof Shape.Mapping m) {
                walk(value, m, at);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void rules(Object section, String path) {
        CheckedBy checkedBy = section.getClass().getAnnotation(CheckedBy.class);
        if (checkedBy == null) {
            return;
        }
        SectionRules rules;
        try {
            rules = checkedBy.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the rules " + checkedBy.value(), e);
        }
        rules.check(section, scenario, new Located(path));
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /** Findings of one section: on the command line (a path like --gateways, no line) or in the file. */
    private final class Located implements SectionRules.Findings {

        private final String base;

        Located(String base) {
            this.base = base;
        }

        @Override
        public void at(String field, String expected, String found) {
            if (base.startsWith("--")) {
                problems.add(new Problem(file(), 0, base, expected, found));
                return;
            }
            String path = field.isEmpty() ? base : base.isEmpty() ? field : base + "." + field;
            problems.add(new Problem(file(), doc.lineOf(path), path, expected, found));
        }

        @Override
        public void atRoot(String path, String expected, String found) {
            int line = doc.has(path) || base.startsWith("--") ? doc.lineOf(path) : doc.lineOf(base);
            problems.add(new Problem(file(), line, path, expected, found));
        }

        private Path file() {
            return doc.file();
        }
    }
}
