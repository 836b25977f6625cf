package org.gatewaybench.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file read into a tree that remembers the line of every value, so that a validation error
 * can say where in the file the offending field is.
 */
public final class YamlDocument {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads {@code file}; malformed YAML fails with a located {@link ScenarioException}. */
    public static YamlDocument read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(List.of(new Problem(file, 0, "", "a readable scenario file", "no such file")));
        }
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(List.of(new Problem(file, 1, "", "a mapping of scenario fields",
                        "an empty document")));
            }
            JsonNode root = readValue(parser, "", lines, file);
            return new YamlDocument(file, root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            throw new ScenarioException(List.of(new Problem(file, line, "", "well-formed YAML",
                    firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file, 0, "", "a readable scenario file", e.toString())));
        }
    }

    private static JsonNode readValue(JsonParser p, String path, Map<String, Integer> lines, Path file)
            throws IOException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    if (object.has(name)) {
                        throw new ScenarioException(List.of(new Problem(file, keyLine, childPath,
                                "each field once", "a second '" + name + "'")));
                    }
                    p.nextToken();
                    object.set(name, readValue(p, childPath, lines, file));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p, path + "[" + index++ + "]", lines, file));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected YAML token " + token);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable YAML" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Whether the file has a value at {@code path}. */
    public boolean has(String path) {
        return lines.containsKey(path);
    }

    /** The line of the value at {@code path}, or of its nearest ancestor present in the file. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
