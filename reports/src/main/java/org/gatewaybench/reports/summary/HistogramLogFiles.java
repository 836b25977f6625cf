package org.gatewaybench.reports.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.gatewaybench.reports.AtomicFiles;
import org.gatewaybench.reports.analysis.GatewayActivation;
import org.gatewaybench.reports.analysis.LatencyStats;

/**
 * Writes the latencies of a gateway as HdrHistogram logs (values in ns) that HdrHistogram tools,
 * other runs and studies can load: {@code activation-<gateway>.hlog} (the activation rule of the
 * run), {@code first-answer-<gateway>.hlog} (the time to the first correct answer) and
 * {@code deactivation-<gateway>.hlog}.
 */
public final class HistogramLogFiles {

    /** The latencies a log holds. */
    public enum Kind {
        ACTIVATION("activation", "activation latency"),
        FIRST_ANSWER("first-answer", "time to the first correct answer"),
        DEACTIVATION("deactivation", "deactivation latency");

        private final String prefix;
        private final String meaning;

        Kind(String prefix, String meaning) {
            this.prefix = prefix;
            this.meaning = meaning;
        }

        /** The file name for {@code gateway}: characters unsafe in file names (and links) become '_'. */
        public String fileName(String gateway) {
            return prefix + "-" + gateway.replaceAll("[^A-Za-z0-9._-]", "_") + ".hlog";
        }

        Histogram of(GatewayActivation activation) {
            return switch (this) {
                case ACTIVATION -> activation.activationHistogram();
                case FIRST_ANSWER -> activation.firstAnswerHistogram();
                case DEACTIVATION -> activation.deactivationHistogram();
            };
        }
    }

    private HistogramLogFiles() {
    }

    /**
     * Writes one log of each {@link Kind}, one interval histogram covering the whole gateway run.
     *
     * @param startWallMillis wall clock of the gateway's start, the log's start time
     * @param endWallMillis   wall clock of its last event
     */
    public static List<Path> write(GatewayActivation activation, long startWallMillis, long endWallMillis, Path dir)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            files.add(write(kind, activation, startWallMillis, endWallMillis, dir));
        }
        return files;
    }

    private static Path write(Kind kind, GatewayActivation activation, long startWallMillis, long endWallMillis,
                              Path dir) throws IOException {
        Path file = dir.resolve(kind.fileName(activation.gateway()));
        Histogram histogram = kind.of(activation);
        histogram.setStartTimeStamp(startWallMillis);
        histogram.setEndTimeStamp(Math.max(startWallMillis, endWallMillis));
        histogram.setTag(activation.gateway().replaceAll("[\\s,]", "_"));
        AtomicFiles.write(file, out -> {
            PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
            HistogramLogWriter log = new HistogramLogWriter(print);
            log.outputComment("gateway-bench " + kind.meaning + " of " + activation.gateway().replaceAll("\\R", " ")
                    + ", nanoseconds");
            log.outputLogFormatVersion();
            log.outputStartTime(startWallMillis);
            log.setBaseTime(startWallMillis);
            log.outputLegend();
            log.outputIntervalHistogram(histogram);
            print.flush();
        });
        return file;
    }

    /** Every interval of the log {@code file} added up into one histogram (empty for a log without one). */
    public static Histogram read(Path file) throws IOException {
        Histogram all = LatencyStats.newHistogram();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                if (!(interval instanceof Histogram h)) {
                    throw new IOException(file + ": not a histogram of whole nanoseconds");
                }
                all.add(h);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not an HdrHistogram log: " + e.getMessage(), e);
        }
        return all;
    }
}
