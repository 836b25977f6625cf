package org.gatewaybench.scenarios.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mirrors a k3s registries.yaml names: registry to the first endpoint, as k3s tries them first. */
final class RegistryMirrors {

    private RegistryMirrors() {
    }

    /** None when {@code file} is null. */
    static Map<String, URI> read(Path file) {
        Map<String, URI> mirrors = new LinkedHashMap<>();
        if (file == null) {
            return mirrors;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            root.path("mirrors").properties().forEach(e -> {
                JsonNode endpoint = e.getValue().path("endpoint").path(0);
                if (endpoint.isTextual()) {
                    mirrors.put(e.getKey(), URI.create(endpoint.asText()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry mirrors " + file + ": " + e.getMessage(), e);
        }
        return mirrors;
    }
}
