package org.gatewaybench.gateways.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.gateways.GatewayException;

/**
 * Helm values as data: read from YAML, merged the way Helm merges value files (maps deeply, the
 * later file winning; lists and scalars replaced whole), addressed by dotted paths.
 */
public final class HelmValues {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private HelmValues() {
    }

    /** A YAML map from the class path. */
    public static Map<String, Object> resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("values resource " + name + " missing next to " + owner.getName());
            }
            return orEmpty(YAML.readValue(in, MAP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read values resource " + name, e);
        }
    }

    /** A YAML map from a file, e.g. a scenario's values override. */
    public static Map<String, Object> file(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GatewayException("values file " + file + " not found (option 'values' expects a YAML file)");
        }
        try {
            return orEmpty(YAML.readValue(file.toFile(), MAP));
        } catch (IOException e) {
            throw new GatewayException("values file " + file + " is not a YAML map: " + e.getMessage(), e);
        }
    }

    /** Writes values as YAML for {@code helm install -f}. */
    public static void write(Map<String, Object> values, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            YAML.writeValue(file.toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.describe("write Helm values to", file, e), e);
        }
    }

    /** {@code base} overlaid with {@code override}, as Helm merges two value files. Inputs are not changed. */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, merge(cast(currentMap), cast(valueMap)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The value at a dotted path (e.g. controller.service.type), or null. */
    public static Object get(Map<String, Object> values, String path) {
        Object node = values;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** A copy of {@code values} with {@code path} set, creating the maps on the way. */
    public static Map<String, Object> with(Map<String, Object> values, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> patch = new LinkedHashMap<>();
        Map<String, Object> node = patch;
        for (int i = 0; i < parts.length - 1; i++) {
            Map<String, Object> child = new LinkedHashMap<>();
            node.put(parts[i], child);
            node = child;
        }
        node.put(parts[parts.length - 1], value);
        return merge(values, patch);
    }

    /**
     * Every leaf path of the values (maps walked, lists and scalars are leaves), e.g.
     * controller.service.nodePorts.http: the keys a driver sets, to be checked against a chart.
     */
    public static List<String> leafPaths(Map<String, Object> values) {
        List<String> paths = new ArrayList<>();
        collect("", values, paths);
        return paths;
    }

    private static void collect(String prefix, Map<String, Object> map, List<String> paths) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                collect(path, cast(child), paths);
            } else {
                paths.add(path);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }
}
