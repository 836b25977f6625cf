package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.scenarios.model.Scenario;

/**
 * A scenario written back in the file's form, by the same {@link Description} that reads it: every
 * field present, defaults filled in, overrides applied. The journal keeps it as "the scenario as
 * run", and its YAML loads back to the same scenario.
 */
public final class ScenarioTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ScenarioTree() {
    }

    /** The scenario as a tree of the file's fields. */
    public static ObjectNode of(Scenario scenario) {
        return (ObjectNode) tree(scenario, Description.scenario());
    }

    /** The scenario as nested maps and lists, for the journal's run-started event. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Scenario scenario) {
        return PLAIN.convertValue(of(scenario), Map.class);
    }

    /** The scenario as YAML that loads back to it. */
    public static String yaml(Scenario scenario) {
        return yaml(asMap(scenario));
    }

    /** A scenario tree as the journal keeps it (run-started settings) written back as a scenario file. */
    public static String yaml(Map<String, Object> tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario " + tree.get("name"), e);
        }
    }

    private static JsonNode tree(Object value, Shape shape) {
        if (shape instanceof Shape.Mapping m) {
            return mapping(value, m, null, null);
        }
        if (shape instanceof Shape.Variants v) {
            for (Map.Entry<String, Shape.Mapping> e : v.variants().entrySet()) {
                if (e.getValue().type().isInstance(value)) {
                    return mapping(value, e.getValue(), v.key(), e.getKey());
                }
            }
            throw new IllegalStateException("no variant of " + v.key() + " is a " + value.getClass());
        }
        if (shape instanceof Shape.ListOf list) {
            ArrayNode items = NODES.arrayNode();
            ((List<?>) value).forEach(item -> items.add(tree(item, list.item())));
            return items;
        }
        if (shape instanceof Shape.ScalarMap) {
            ObjectNode map = NODES.objectNode();
            ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), v.toString()));
            return map;
        }
        return scalar(value);
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Duration d) {
            return NODES.textNode(Durations.format(d));
        }
        if (value instanceof Word w) {
            return NODES.textNode(w.word());
        }
        return NODES.textNode(value.toString());
    }

    private static ObjectNode mapping(Object record, Shape.Mapping shape, String key, String variant) {
        ObjectNode node = NODES.objectNode();
        for (Shape.Field f : shape.fields()) {
            if (f.component() == null) {
                node.put(key, variant);
                continue;
            }
            Object value = read(f.component(), record);
            if (value != null) {
                node.set(f.name(), tree(value, f.shape()));
            }
        }
        return node;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
