package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gatewaybench.core.time.Durations;

/** Checks a YAML document against a {@link Shape}, collecting every problem with its line. */
public final class ShapeChecker {

    private final YamlDocument doc;
    private final List<Problem> problems = new ArrayList<>();

    private ShapeChecker(YamlDocument doc) {
        this.doc = doc;
    }

    public static List<Problem> check(YamlDocument doc, Shape shape) {
        ShapeChecker checker = new ShapeChecker(doc);
        checker.check(doc.root(), shape, "");
        return List.copyOf(checker.problems);
    }

    private void check(JsonNode node, Shape shape, String path) {
        if (shape instanceof Shape.Mapping obj) {
            checkObject(node, obj, path);
        } else if (shape instanceof Shape.Variants v) {
            checkVariants(node, v, path);
        } else if (shape instanceof Shape.ListOf list) {
            checkList(node, list, path);
        } else if (shape instanceof Shape.ScalarMap) {
            checkScalarMap(node, shape, path);
        } else if (shape instanceof Shape.Text text) {
            if (!textMatches(node, text)) {
                wrong(path, shape, node);
            }
        } else if (shape instanceof Shape.Flag) {
            if (!node.isBoolean()) {
                wrong(path, shape, node);
            }
        } else if (shape instanceof Shape.WholeNumber range) {
            if (!node.isIntegralNumber() || node.asLong() < range.min() || node.asLong() > range.max()) {
                wrong(path, shape, node);
            }
        } else if (shape instanceof Shape.Decimal num) {
            double v = node.asDouble();
            if (!node.isNumber() || (num.aboveMin() ? v <= num.min() : v < num.min()) || v > num.max()) {
                wrong(path, shape, node);
            }
        } else if (shape instanceof Shape.TimeSpan dur) {
            if (!durationAtLeast(node, dur.min())) {
                wrong(path, shape, node);
            }
        }
    }

    private void checkList(JsonNode node, Shape.ListOf list, String path) {
        if (!node.isArray()) {
            wrong(path, list, node);
        } else if (node.size() < list.minItems()) {
            wrong(path, list, node.size() == 0 ? "an empty list" : "a list of " + node.size());
        } else {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), list.item(), path + "[" + i + "]");
            }
        }
    }

    private void checkScalarMap(JsonNode node, Shape shape, String path) {
        if (!node.isObject()) {
            wrong(path, shape, node);
            return;
        }
        node.properties().forEach(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                wrong(child(path, e.getKey()), new Shape.Text(List.of(), null, "a single value"), e.getValue());
            }
        });
    }

    private static boolean textMatches(JsonNode node, Shape.Text text) {
        if (!node.isTextual()) {
            return false;
        }
        if (!text.choices().isEmpty()) {
            return text.choices().contains(node.asText());
        }
        return text.pattern() == null || Pattern.matches(text.pattern(), node.asText());
    }

    private static boolean durationAtLeast(JsonNode node, Duration min) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            return Durations.parse(node.asText()).compareTo(min) >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkObject(JsonNode node, Shape.Mapping obj, String path) {
        if (!node.isObject()) {
            wrong(path, obj, node);
            return;
        }
        Map<String, Shape.Field> byName = obj.fields().stream()
                .collect(Collectors.toMap(Shape.Field::name, f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!byName.containsKey(name)) {
                problems.add(new Problem(doc.file(), doc.lineOf(child(path, name)), child(path, name),
                        "one of the fields " + String.join(", ", byName.keySet()), "unknown field '" + name + "'"));
            }
        }
        for (Shape.Field field : obj.fields()) {
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (field.required()) {
                    problems.add(new Problem(doc.file(), doc.lineOf(path), child(path, field.name()),
                            field.shape().expected() + " (" + field.help() + ")", "nothing: the field is missing"));
                }
            } else {
                check(value, field.shape(), child(path, field.name()));
            }
        }
    }

    private void checkVariants(JsonNode node, Shape.Variants v, String path) {
        if (!node.isObject()) {
            wrong(path, v, node);
            return;
        }
        JsonNode key = node.get(v.key());
        Shape.Mapping variant = key != null && key.isTextual() ? v.variants().get(key.asText()) : null;
        if (variant == null) {
            String keyPath = child(path, v.key());
            problems.add(new Problem(doc.file(), doc.lineOf(keyPath), keyPath,
                    "one of " + String.join(", ", v.variants().keySet()),
                    key == null ? "nothing: the field is missing" : describe(key)));
            return;
        }
        checkObject(node, variant, path);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void wrong(String path, Shape shape, JsonNode found) {
        wrong(path, shape, describe(found));
    }

    private void wrong(String path, Shape shape, String found) {
        problems.add(new Problem(doc.file(), doc.lineOf(path), path, shape.expected(), found));
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing (null)";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.asText();
    }
}
