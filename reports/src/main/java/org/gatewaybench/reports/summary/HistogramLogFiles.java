package org.gatewaybench.reports.summary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.gatewaybench.reports.AtomicFiles;
import org.gatewaybench.reports.analysis.GatewayActivation;

/**
 * Writes the activation latencies of a gateway as an HdrHistogram log
 * ({@code activation-<gateway>.hlog}, values in ns) that HdrHistogram tools and other runs can load.
 */
public final class HistogramLogFiles {

    private HistogramLogFiles() {
    }

    /** The file name for {@code gateway}: characters unsafe in file names become '_'. */
    public static String fileName(String gateway) {
        return "activation-" + gateway.replaceAll("[^A-Za-z0-9._-]", "_") + ".hlog";
    }

    /**
     * Writes one interval histogram covering the whole gateway run.
     *
     * @param startWallMillis wall clock of the gateway's start, the log's start time
     * @param endWallMillis   wall clock of its last event
     */
    public static Path write(GatewayActivation activation, long startWallMillis, long endWallMillis, Path dir)
            throws IOException {
        Path file = dir.resolve(fileName(activation.gateway()));
        Histogram histogram = activation.activationHistogram();
        histogram.setStartTimeStamp(startWallMillis);
        histogram.setEndTimeStamp(Math.max(startWallMillis, endWallMillis));
        histogram.setTag(activation.gateway().replaceAll("[\\s,]", "_"));
        AtomicFiles.write(file, out -> {
            PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
            HistogramLogWriter log = new HistogramLogWriter(print);
            log.outputComment("gateway-bench activation latency of " + activation.gateway().replaceAll("\\R", " ")
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
}
