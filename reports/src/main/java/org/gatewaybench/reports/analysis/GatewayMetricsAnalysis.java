package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * Finds each gateway's {@link GatewayMetrics} from its gateway-metric events. Samples that are not
 * finite numbers (NaN, +Inf) are left out.
 */
final class GatewayMetricsAnalysis implements Fold {

    /** Per gateway, per series in order of first sample: its samples as (mono, value). */
    private final PerGateway<Map<SeriesKey, Samples>> gateways = new PerGateway<>(LinkedHashMap::new);

    private record SeriesKey(String name, Map<String, String> labels) {
    }

    /** The samples of one series, unboxed. */
    private static final class Samples {
        long[] monos = new long[8];
        double[] values = new double[8];
        int size;

        void add(long mono, double value) {
            if (size == monos.length) {
                monos = Arrays.copyOf(monos, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            monos[size] = mono;
            values[size++] = value;
        }
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.GatewayMetric m && m.gateway() != null && m.name() != null && Double.isFinite(m.value())) {
            gateways.of(m.gateway()).computeIfAbsent(new SeriesKey(m.name(), m.labels() == null ? Map.of() : Map.copyOf(m.labels())),
                            k -> new Samples())
                    .add(m.at().mono(), m.value());
        }
    }

    /** The metrics of every gateway in the layout; a gateway without gateway-metric events has no series. */
    Map<String, GatewayMetrics> result(RunLayout layout) {
        return gateways.results(layout, (gateway, bySeries) -> {
            List<GatewayMetrics.Series> series = new ArrayList<>();
            bySeries.forEach((key, samples) -> {
                List<GatewayMetrics.Point> points = new ArrayList<>(samples.size);
                for (int i = 0; i < samples.size; i++) {
                    points.add(new GatewayMetrics.Point(layout.secondsSinceStart(gateway, samples.monos[i]),
                            samples.values[i]));
                }
                series.add(GatewayMetrics.Series.of(key.name(), key.labels(), points));
            });
            series.sort(Comparator.comparing(GatewayMetrics.Series::name).thenComparing(GatewayMetrics.Series::labelText));
            return new GatewayMetrics(gateway, series);
        });
    }
}
