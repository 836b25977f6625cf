package org.gatewaybench.scenarios.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.gatewaybench.core.journal.JournalReader;

/**
 * The folder of one run: {@code <output>/<scenario>-<UTC time>}, created new so that no earlier
 * run is ever overwritten. It holds the scenario as run, the journal, the reports and one work
 * folder per gateway (configs, logs).
 */
public record RunDirectory(Path root) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a fresh run folder under {@code output}. */
    public static RunDirectory create(Path output, String scenario, ZonedDateTime now) throws IOException {
        Files.createDirectories(output);
        String base = scenario + "-" + now.withZoneSameInstant(ZoneOffset.UTC).format(STAMP);
        for (int n = 1; n < 1000; n++) {
            Path candidate = output.resolve(n == 1 ? base : base + "-" + n);
            try {
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second: take the next suffix
            }
        }
        throw new IOException("cannot create a new run folder under " + output);
    }

    public String runId() {
        return root.getFileName().toString();
    }

    public Path journal() {
        return root.resolve(JournalReader.NAME);
    }

    public Path scenarioCopy() {
        return root.resolve("scenario.yaml");
    }

    public Path gatewayWorkDir(String gateway) throws IOException {
        return Files.createDirectories(root.resolve("gateways").resolve(gateway));
    }
}
