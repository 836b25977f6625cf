package org.gatewaybench.reports.study;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Puts the Allure results of a study's runs into one {@code allure-results/} folder, so that one
 * Allure report shows every run. Result, container and attachment files carry unique (UUID)
 * names and are copied as they are; environment.properties is merged (the first run's value of a
 * key wins); files a report has once (categories.json, executor.json) come from the first run
 * that has them.
 */
public final class AllureMerge {

    /** The folder a run and a study keep their Allure results in. */
    public static final String FOLDER = "allure-results";

    private static final String ENVIRONMENT = "environment.properties";

    private AllureMerge() {
    }

    /** Merges the results of {@code runs} into {@code out/allure-results}; returns the files written (0: none had any). */
    public static int merge(List<Path> runs, Path out) throws IOException {
        Path target = out.resolve(FOLDER);
        TreeMap<String, String> environment = new TreeMap<>();
        int written = 0;
        for (Path run : runs) {
            Path results = run.resolve(FOLDER);
            if (!Files.isDirectory(results)) {
                continue;
            }
            Files.createDirectories(target);
            List<Path> files;
            try (Stream<Path> list = Files.list(results)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals(ENVIRONMENT)) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    p.stringPropertyNames().forEach(k -> environment.putIfAbsent(k, p.getProperty(k)));
                } else if (!Files.exists(target.resolve(name))) {
                    Files.copy(file, target.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    written++;
                }
            }
        }
        if (!environment.isEmpty()) {
            Properties merged = new Properties();
            merged.putAll(environment);
            try (Writer w = Files.newBufferedWriter(target.resolve(ENVIRONMENT), StandardCharsets.UTF_8)) {
                merged.store(w, "gateway-bench study: the environment of its runs (the first run's value per key)");
            }
            written++;
        }
        return written;
    }
}
