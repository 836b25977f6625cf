package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Writes a {@link Shape} as JSON Schema (draft 2020-12) for editors. The published file
 * scenarios/scenario.schema.json is this output; a test keeps the two equal.
 */
public final class JsonSchemaWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemaWriter() {
    }

    public static String scenarioSchema() {
        ObjectNode root = schema(Description.scenario());
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("title", "gateway-bench scenario");
        doc.setAll(root);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode schema(Shape shape) {
        ObjectNode s = JSON.createObjectNode();
        if (shape instanceof Shape.Mapping obj) {
            s.put("type", "object");
            ObjectNode props = s.putObject("properties");
            ArrayNode required = JSON.createArrayNode();
            for (Shape.Field f : obj.fields()) {
                ObjectNode p = schema(f.shape());
                p.put("description", f.help());
                if (f.fallback() != null && !f.fallback().equals("{}") && !f.fallback().equals("[]")) {
                    p.put("default", f.fallback());
                }
                props.set(f.name(), p);
                if (f.required()) {
                    required.add(f.name());
                }
            }
            if (!required.isEmpty()) {
                s.set("required", required);
            }
            s.put("additionalProperties", false);
        } else if (shape instanceof Shape.Variants v) {
            ArrayNode oneOf = s.putArray("oneOf");
            for (Map.Entry<String, Shape.Mapping> e : v.variants().entrySet()) {
                ObjectNode variant = schema(e.getValue());
                ((ObjectNode) variant.get("properties")).putObject(v.key()).put("const", e.getKey());
                oneOf.add(variant);
            }
        } else if (shape instanceof Shape.ListOf list) {
            s.put("type", "array");
            s.set("items", schema(list.item()));
            s.put("minItems", list.minItems());
        } else if (shape instanceof Shape.ScalarMap) {
            s.put("type", "object");
            s.putObject("additionalProperties").putArray("type").add("string").add("number").add("boolean");
        } else if (shape instanceof Shape.Text text) {
            s.put("type", "string");
            if (!text.choices().isEmpty()) {
                ArrayNode choices = s.putArray("enum");
                text.choices().forEach(choices::add);
            } else if (text.pattern() != null) {
                s.put("pattern", "^(" + text.pattern() + ")$");
            }
        } else if (shape instanceof Shape.Flag) {
            s.put("type", "boolean");
        } else if (shape instanceof Shape.WholeNumber range) {
            s.put("type", "integer");
            s.put("minimum", range.min());
            s.put("maximum", range.max());
        } else if (shape instanceof Shape.Decimal num) {
            s.put("type", "number");
            s.put(num.aboveMin() ? "exclusiveMinimum" : "minimum", num.min());
            s.put("maximum", num.max());
        } else if (shape instanceof Shape.TimeSpan) {
            s.put("type", "string");
            s.put("pattern", "^\\d+(\\.\\d+)?(ms|s|m|h)$");
        }
        return s;
    }
}
