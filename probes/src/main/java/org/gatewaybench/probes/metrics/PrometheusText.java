package org.gatewaybench.probes.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A parser of the Prometheus text exposition format (version 0.0.4), as ingress-nginx, Envoy and
 * most exporters serve it: {@code # HELP} and {@code # TYPE} lines, samples with optional labels
 * (escaped values) and an optional timestamp, values including {@code +Inf}, {@code -Inf} and
 * {@code NaN}. A broken line fails the whole text with its line number and what was expected.
 */
public final class PrometheusText {

    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count", "_created", "_total",
            "_gsum", "_gcount", "_info");

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final String text;
    private int lineNumber;
    private String line;
    private int pos;

    private PrometheusText(String text) {
        this.text = text;
    }

    /** The metric families of {@code text}, in order of first appearance. */
    public static List<MetricFamily> parse(String text) {
        return new PrometheusText(text).parseAll();
    }

    /** All samples of {@code text}, in order. */
    public static Stream<MetricSample> samples(String text) {
        return parse(text).stream().flatMap(f -> f.samples().stream());
    }

    private List<MetricFamily> parseAll() {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            pos = 0;
            skipBlanks();
            if (pos == line.length()) {
                continue;
            }
            if (line.charAt(pos) == '#') {
                comment();
            } else {
                sample();
            }
        }
        return families.values().stream().map(Family::toRecord).toList();
    }

    private void comment() {
        pos++;
        skipBlanks();
        String keyword = token();
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return; // a plain comment
        }
        skipBlanks();
        String name = metricName();
        skipBlanks();
        String rest = line.substring(pos);
        Family family = families.computeIfAbsent(name, Family::new);
        if (keyword.equals("HELP")) {
            family.help = unescapeHelp(rest);
        } else {
            String type = rest.trim();
            if (!List.of("counter", "gauge", "histogram", "summary", "untyped", "gaugehistogram", "info",
                    "stateset", "unknown").contains(type)) {
                throw error("a metric type (counter, gauge, histogram, summary, untyped)", type);
            }
            family.type = type;
        }
    }

    private void sample() {
        String name = metricName();
        Map<String, String> labels = new LinkedHashMap<>();
        skipBlanks();
        if (pos < line.length() && line.charAt(pos) == '{') {
            pos++;
            labels(labels);
        }
        skipBlanks();
        double value = value(token());
        skipBlanks();
        OptionalLong timestamp = OptionalLong.empty();
        if (pos < line.length()) {
            String ts = token();
            try {
                timestamp = OptionalLong.of(Long.parseLong(ts));
            } catch (NumberFormatException e) {
                throw error("a timestamp in milliseconds after the value", ts);
            }
            skipBlanks();
            if (pos < line.length()) {
                throw error("the end of the line after the timestamp", line.substring(pos));
            }
        }
        familyOf(name).samples.add(new MetricSample(name, labels, value, timestamp));
    }

    private void labels(Map<String, String> labels) {
        while (true) {
            skipBlanks();
            if (pos < line.length() && line.charAt(pos) == '}') {
                pos++;
                return;
            }
            String label = labelName();
            skipBlanks();
            expect('=');
            skipBlanks();
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= line.length()) {
                    throw error("a closing '\"' of the value of label " + label, "the end of the line");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (pos >= line.length()) {
                        throw error("an escaped character after '\\'", "the end of the line");
                    }
                    char e = line.charAt(pos++);
                    value.append(switch (e) {
                        case 'n' -> '\n';
                        case '\\' -> '\\';
                        case '"' -> '"';
                        default -> throw error("\\n, \\\\ or \\\" in a label value", "\\" + e);
                    });
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            skipBlanks();
            if (pos < line.length() && line.charAt(pos) == ',') {
                pos++;
            } else if (pos >= line.length() || line.charAt(pos) != '}') {
                throw error("',' or '}' after a label", pos >= line.length() ? "the end of the line"
                        : "'" + line.charAt(pos) + "'");
            }
        }
    }

    /** The declared family a sample name belongs to (a histogram's _bucket to the histogram). */
    private Family familyOf(String sampleName) {
        Family exact = families.get(sampleName);
        if (exact != null) {
            return exact;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                Family base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && base.type != null) {
                    return base;
                }
            }
        }
        return families.computeIfAbsent(sampleName, Family::new);
    }

    private double value(String token) {
        switch (token) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw error("a sample value (a number, +Inf, -Inf or NaN)", token.isEmpty() ? "nothing" : token);
                }
            }
        }
    }

    private String metricName() {
        int start = pos;
        while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, true)) {
            pos++;
        }
        if (pos == start) {
            throw error("a metric name", pos < line.length() ? "'" + line.charAt(pos) + "'" : "the end of the line");
        }
        return line.substring(start, pos);
    }

    private String labelName() {
        int start = pos;
        while (pos < line.length() && isNameChar(line.charAt(pos), pos == start, false)) {
            pos++;
        }
        if (pos == start) {
            throw error("a label name", pos < line.length() ? "'" + line.charAt(pos) + "'" : "the end of the line");
        }
        return line.substring(start, pos);
    }

    private static boolean isNameChar(char c, boolean first, boolean colonAllowed) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':')
                || (!first && c >= '0' && c <= '9');
    }

    private String token() {
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
            pos++;
        }
        return line.substring(start, pos);
    }

    private void expect(char c) {
        if (pos >= line.length() || line.charAt(pos) != c) {
            throw error("'" + c + "'", pos >= line.length() ? "the end of the line" : "'" + line.charAt(pos) + "'");
        }
        pos++;
    }

    private void skipBlanks() {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** HELP text escapes only backslash and newline. */
    private static String unescapeHelp(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (e == 'n' || e == '\\') {
                    out.append(e == 'n' ? '\n' : e);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private IllegalArgumentException error(String expected, String found) {
        return new IllegalArgumentException("Prometheus text line " + lineNumber + ": expected " + expected
                + ", found " + found + " in: " + line);
    }

    private static final class Family {
        final String name;
        String type;
        String help = "";
        final List<MetricSample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }

        MetricFamily toRecord() {
            return new MetricFamily(name, type == null ? "untyped" : type, help, samples);
        }
    }
}
