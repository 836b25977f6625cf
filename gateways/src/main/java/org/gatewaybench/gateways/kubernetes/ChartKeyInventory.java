package org.gatewaybench.gateways.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Facts about the Helm value keys a driver sets, read from the chart itself at its pinned version:
 * each key's default in the chart's values.yaml (a subchart's under its alias) and the templates
 * that read it. Kept as a small text file per driver (test resources {@code chart-keys/}), checked
 * by the tests and regenerated with {@code gateway-bench chart-keys} when a pin moves; never a copy
 * of the chart's files.
 *
 * <p>Text form: {@code #} comment lines, one line {@code chart<TAB>reference<TAB>version}, then one
 * line per key: {@code key<TAB>default<TAB>templates} (space-separated; {@code -} when none).
 */
public record ChartKeyInventory(String reference, String version, List<Entry> entries) {

    /** What a values.yaml says of a key the chart does not declare. */
    public static final String NOT_DECLARED = "(not in values.yaml)";
    /** What a key under a free-form map of values.yaml ({@code extraArgs: {}}) gets, before the map's key. */
    public static final String FREE_FORM = "(free-form map) ";
    private static final String NONE = "-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One key: its default ({@link #NOT_DECLARED} when values.yaml lacks it) and the chart's templates
     * that read it, relative to the chart folder. A template that reads it through a parent key
     * ({@code with .Values.controller.service} ... {@code .nodePorts.http}) is listed with a
     * {@code ~} in front.
     */
    public record Entry(String key, String fallback, List<String> readBy) {

        public Entry {
            readBy = List.copyOf(readBy);
        }

        /** Declared nowhere and read by no template: setting it does nothing. */
        public boolean dead() {
            return readBy.isEmpty();
        }
    }

    public ChartKeyInventory {
        entries = List.copyOf(entries);
    }

    /** The entry of {@code key}, or null when the inventory does not list it. */
    public Entry entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    /** Reads {@code keys} in an unpacked chart folder (the chart's own and its subcharts' under {@code charts/}). */
    public static ChartKeyInventory read(Path chartDir, String reference, Collection<String> keys) {
        Chart chart = Chart.at(chartDir, "");
        List<Entry> entries = new ArrayList<>();
        for (String key : keys) {
            entries.add(chart.entry(key));
        }
        return new ChartKeyInventory(reference, chart.version(), entries);
    }

    /** The text form (see the class comment), with {@code header} lines as comments. */
    public String text(List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        out.append("chart\t").append(reference).append('\t').append(version).append('\n');
        for (Entry e : entries) {
            out.append(e.key()).append('\t').append(e.fallback()).append('\t')
                    .append(e.readBy().isEmpty() ? NONE : String.join(" ", e.readBy())).append('\n');
        }
        return out.toString();
    }

    /** Parses the text form; {@code source} names it in errors. */
    public static ChartKeyInventory parse(String text, String source) {
        String reference = null;
        String version = null;
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 3 tab-separated cells, found "
                        + cells.length);
            }
            if (reference == null) {
                if (!cells[0].equals("chart")) {
                    throw new IllegalArgumentException(source + ":" + (i + 1)
                            + ": expected the line 'chart<TAB>reference<TAB>version' first");
                }
                reference = cells[1];
                version = cells[2];
            } else {
                entries.add(new Entry(cells[0], cells[1], cells[2].equals(NONE) ? List.of()
                        : List.of(cells[2].split(" "))));
            }
        }
        if (reference == null) {
            throw new IllegalArgumentException(source + ": no 'chart' line");
        }
        return new ChartKeyInventory(reference, version, entries);
    }

    /** One chart folder: its values, templates and subcharts (by alias or name). */
    private record Chart(String prefix, String version, Map<String, Object> values, Map<String, String> templates,
                         Set<String> conditions, Map<String, Chart> subcharts) {

        @SuppressWarnings("unchecked")
        static Chart at(Path dir, String prefix) {
            Path chartYaml = dir.resolve("Chart.yaml");
            if (!Files.isRegularFile(chartYaml)) {
                throw new IllegalArgumentException(dir + " is not an unpacked Helm chart: it has no Chart.yaml");
            }
            Map<String, Object> meta = HelmValues.file(chartYaml);
            Path valuesYaml = dir.resolve("values.yaml");
            Map<String, Object> values = Files.isRegularFile(valuesYaml) ? HelmValues.file(valuesYaml) : Map.of();
            Map<String, Chart> subcharts = new LinkedHashMap<>();
            Set<String> conditions = new HashSet<>();
            for (Object d : (List<Object>) meta.getOrDefault("dependencies", List.of())) {
                Map<String, Object> dependency = (Map<String, Object>) d;
                if (dependency.get("condition") instanceof String condition) {
                    conditions.addAll(List.of(condition.split(",")));
                }
                String name = String.valueOf(dependency.get("name"));
                String alias = String.valueOf(dependency.getOrDefault("alias", name));
                Path subdir = dir.resolve("charts").resolve(name);
                if (!Files.isDirectory(subdir)) {
                    throw new IllegalArgumentException(dir + " depends on chart " + name + " but " + subdir
                            + " is missing: unpack the subcharts (tar xzf charts/*.tgz -C charts)");
                }
                subcharts.put(alias, at(subdir, prefix + "charts/" + name + "/"));
            }
            return new Chart(prefix, String.valueOf(meta.get("version")), values, templates(dir, prefix), conditions,
                    subcharts);
        }

        private static Map<String, String> templates(Path dir, String prefix) {
            Path root = dir.resolve("templates");
            Map<String, String> texts = new TreeMap<>();
            if (!Files.isDirectory(root)) {
                return texts;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    texts.put(prefix + dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the templates of " + dir + ": " + e.getMessage(), e);
            }
            return texts;
        }

        Entry entry(String key) {
            if (key.startsWith("global.")) {
                return global(key);
            }
            int dot = key.indexOf('.');
            Chart sub = dot > 0 ? subcharts.get(key.substring(0, dot)) : null;
            Object own = valueAt(values, key);
            if (sub != null) {
                // A parent's values.yaml may set a subchart's key; Helm takes the parent's.
                Entry inSub = sub.entry(key.substring(dot + 1));
                List<String> readers = new ArrayList<>(readers(key)); // the chart's condition and own templates
                readers.addAll(inSub.readBy());
                return new Entry(key, own != null ? text(own) : inSub.fallback(), readers);
            }
            String freeForm = freeFormParent(key);
            if (own == null && freeForm != null) {
                return new Entry(key, FREE_FORM + freeForm, readers(freeForm));
            }
            return new Entry(key, own != null ? text(own) : NOT_DECLARED, readers(key));
        }

        /**
         * A {@code global.} key is shared by the chart and all its subcharts: its default is the first
         * declared (the chart's own, then its subcharts'), its readers are everyone's.
         */
        private Entry global(String key) {
            Object own = valueAt(values, key);
            String fallback = own != null ? text(own) : NOT_DECLARED;
            List<String> readers = new ArrayList<>(readers(key));
            for (Chart sub : subcharts.values()) {
                Entry inSub = sub.global(key);
                if (fallback.equals(NOT_DECLARED)) {
                    fallback = inSub.fallback();
                }
                readers.addAll(inSub.readBy());
            }
            return new Entry(key, fallback, readers);
        }

        /** The nearest parent of {@code key} whose default is an empty map (extraArgs: {}), or null. */
        private String freeFormParent(String key) {
            Object node = values;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(parts[i])) {
                    return null;
                }
                node = map.get(parts[i]);
                if (node instanceof Map<?, ?> m && m.isEmpty()) {
                    return String.join(".", List.of(parts).subList(0, i + 1));
                }
            }
            return null;
        }

        /**
         * The files that read {@code key}: a dependency's condition in Chart.yaml, templates that read
         * it by its path ({@code .Values.a.b} or {@code index .Values "a" "b"}), else templates that
         * read a parent and then the rest of the path or render the parent whole ({@code toYaml}).
         */
        private List<String> readers(String key) {
            List<String> exact = new ArrayList<>();
            if (conditions.contains(key)) {
                exact.add(prefix + "Chart.yaml");
            }
            templates.forEach((file, text) -> {
                if (reads(text, key)) {
                    exact.add(file);
                }
            });
            if (!exact.isEmpty()) {
                return exact;
            }
            List<String> viaParent = new ArrayList<>();
            String[] parts = key.split("\\.");
            templates.forEach((file, text) -> {
                for (int cut = parts.length - 1; cut >= 1; cut--) {
                    String parent = String.join(".", List.of(parts).subList(0, cut));
                    String rest = String.join(".", List.of(parts).subList(cut, parts.length));
                    boolean whole = Pattern.compile("toYaml\\s+" + Pattern.quote(".Values." + parent) + "(?![\\w.])")
                            .matcher(text).find();
                    if (whole || reads(text, parent) && Pattern.compile(Pattern.quote("." + rest) + "(?![\\w])")
                            .matcher(text).find()) {
                        viaParent.add("~" + file);
                        break;
                    }
                }
            });
            return viaParent;
        }

        /** Whether {@code text} reads {@code key} by its whole path, not a longer name ({@code .a.b} is not {@code .a.bc}). */
        private static boolean reads(String text, String key) {
            String dotted = Pattern.quote(".Values." + key) + "(?![\\w])";
            StringBuilder indexed = new StringBuilder("index\\s+\\.Values");
            for (String part : key.split("\\.")) {
                indexed.append("\\s+\"").append(Pattern.quote(part)).append('"');
            }
            return Pattern.compile(dotted + "|" + indexed).matcher(text).find();
        }

        private static Object valueAt(Map<String, Object> values, String key) {
            Object node = values;
            for (String part : key.split("\\.")) {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                    return null;
                }
                node = map.get(part);
            }
            return node == null ? "null" : node;
        }

        private static String text(Object value) {
            if (value instanceof String s) {
                return s.isEmpty() ? "\"\"" : s;
            }
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
