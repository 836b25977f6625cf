package org.gatewaybench.reports.summary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.gatewaybench.core.WordModule;
import org.gatewaybench.reports.AtomicFiles;

/** Writes and reads summary.json: the {@link RunSummary} of a run. */
public final class SummaryJsonWriter {

    public static final String FILE_NAME = "summary.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new WordModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Only record components are the schema; helpers like LatencyStats.isEmpty() are not.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // A newer harness may add fields; an older reader ignores them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryJsonWriter() {
    }

    /** Writes {@code summary} as {@value #FILE_NAME} into {@code dir}, atomically. */
    public static Path write(RunSummary summary, Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        byte[] json = MAPPER.writeValueAsBytes(summary);
        AtomicFiles.write(file, out -> {
            out.write(json);
            out.write('\n');
        });
        return file;
    }

    public static String toJson(RunSummary summary) throws IOException {
        return MAPPER.writeValueAsString(summary);
    }

    public static RunSummary read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RunSummary.class);
    }
}
