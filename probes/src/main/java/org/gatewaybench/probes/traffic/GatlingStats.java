package org.gatewaybench.probes.traffic;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.stats.ErrorStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Gatling's own figures of one run, read from the run's simulation log with Gatling's log reader:
 * the same numbers its HTML report and console summary show. Latencies in whole milliseconds,
 * over all requests (ok and ko), as Gatling's "Total" column.
 *
 * @param injectMillis how long Gatling started requests, from its log
 * @param errors       Gatling's failure messages (a failed check, a refused connection) and their counts
 */
public record GatlingStats(long injectMillis, long requests, long ok, long ko, long p50Ms, long p75Ms, long p95Ms, long p99Ms,
                           long maxMs, double meanMs, Map<String, Long> errors) {

    public GatlingStats {
        errors = Map.copyOf(errors);
    }

    /** Reads the simulation log in Gatling's report folder {@code report}. */
    public static GatlingStats read(Path report) {
        Path log = report.resolve("simulation.log");
        if (!Files.isRegularFile(log)) {
            throw new IllegalArgumentException("no Gatling simulation.log in " + report
                    + "; expected the folder of one Gatling run");
        }
        LogFileData data = new LogFileReader(log.toFile(), GatlingConfiguration.load()).read();
        Option<GeneralStats> all = data.requestGeneralStats(Option.empty(), Option.empty(), Option.empty());
        if (all.isEmpty()) {
            return new GatlingStats(injectMillis(data), 0, 0, 0, -1, -1, -1, -1, -1, -1, Map.of());
        }
        GeneralStats total = all.get();
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorStats e : CollectionConverters.asJava(data.errors(Option.empty(), Option.empty()))) {
            errors.put(e.message(), (long) e.count());
        }
        return new GatlingStats(injectMillis(data), total.count(), count(data, OK$.MODULE$), count(data, KO$.MODULE$),
                percentile(total, 50), percentile(total, 75), percentile(total, 95), percentile(total, 99),
                total.max(), total.mean(), errors);
    }

    private static long injectMillis(LogFileData data) {
        return data.runInfo().injectEnd() - data.runInfo().injectStart();
    }

    private static long count(LogFileData data, Status status) {
        Option<GeneralStats> stats = data.requestGeneralStats(Option.empty(), Option.empty(), Option.apply(status));
        return stats.isEmpty() ? 0 : stats.get().count();
    }

    private static long percentile(GeneralStats stats, double rank) {
        return ((Number) stats.percentile().apply(rank)).longValue();
    }
}
