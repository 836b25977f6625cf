package org.gatewaybench.reports.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunFacts;
import org.gatewaybench.reports.analysis.RunVersions;

/**
 * Writes {@value #FOLDER}/ into a run folder: the run as Allure test results, written through
 * Allure's own model and lifecycle (allure-java-commons), for the Allure command line and
 * everything that reads Allure results. One result per gateway (its run, with a step per churn
 * phase and per fault) and one per gateway and assertion; environment.properties (what exactly
 * ran), categories.json and, inside GitHub Actions, executor.json. The folder is replaced whole,
 * so a result of an earlier rendering never lingers beside the new ones.
 */
public final class AllureResults {

    public static final String FOLDER = "allure-results";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureResults() {
    }

    /**
     * Writes {@value #FOLDER}/ of the run in {@code runDir}, whose other reports (summary.md,
     * report.html, the .hlog files) are already written: results attach them.
     *
     * @param environment the process environment; GitHub Actions' variables in it make executor.json
     */
    public static Path write(RunAnalysis analysis, Path runDir, Map<String, String> environment) throws IOException {
        Path target = runDir.resolve(FOLDER);
        Path fresh = Files.createTempDirectory(runDir, FOLDER + "-new-");
        try {
            FileSystemResultsWriter writer = new FileSystemResultsWriter(fresh);
            TestResults results = new TestResults(new AllureLifecycle(writer), writer, analysis, runDir);
            for (String gateway : analysis.gateways()) {
                results.gateway(gateway);
            }
            writer.write("environment.properties", new ByteArrayInputStream(environmentProperties(analysis)));
            writer.write("categories.json", new ByteArrayInputStream(JSON.writeValueAsBytes(Categories.all())));
            Executor.of(environment, RunAnalysis.orNull(analysis::facts)).ifPresent(e -> writer.write("executor.json",
                    new ByteArrayInputStream(json(e))));
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(runDir, FOLDER + "-old-");
            Files.delete(old);
            Files.move(target, old);
            Files.move(fresh, target);
            deleteTree(old);
        } else {
            Files.move(fresh, target);
        }
        return target;
    }

    /** What exactly ran, one line each: the run's facts, then the harness and machine, then each gateway's parts. */
    private static byte[] environmentProperties(RunAnalysis analysis) {
        Map<String, String> env = new LinkedHashMap<>();
        RunFacts facts = RunAnalysis.orNull(analysis::facts);
        if (facts != null) {
            env.put("scenario", String.valueOf(facts.scenario()));
            env.put("run", String.valueOf(facts.runId()));
            env.put("fixture", String.valueOf(facts.fixture()));
            env.put("host", facts.host() + " (" + facts.cores() + " cores)");
        }
        RunVersions versions = RunAnalysis.orNull(analysis::versions);
        if (versions != null) {
            env.putAll(versions.run());
            for (String gateway : analysis.gateways()) {
                versions.of(gateway).forEach((part, version) -> env.put(gateway + "." + part, version));
            }
        }
        StringBuilder text = new StringBuilder();
        env.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A key or value in java.util.Properties' file form (ISO 8859-1, unicode escapes beyond). */
    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
