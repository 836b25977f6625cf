package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One gateway's own metrics over a run, from its gateway-metric events (scraped from its
 * Prometheus endpoints): per series (name and labels) the first and last value, the change over
 * the run, min, max and samples. For a counter the change is its increase, counting a drop as a
 * restart of the process from 0 (as Prometheus' {@code increase()} does): the number of reloads,
 * xDS pushes or sync errors during the run.
 *
 * @param series in order of name, then labels
 */
public record GatewayMetrics(String gateway, List<Series> series) {

    /** Names without the OpenMetrics counter suffixes that are counters: those the drivers journal. */
    private static final Set<String> COUNTERS = Set.of("nginx_ingress_controller_success",
            "nginx_ingress_controller_errors", "pilot_xds_pushes", "pilot_total_xds_rejects", "pilot_k8s_cfg_events");
    private static final Pattern COUNTER_NAME = Pattern.compile(
            ".*_(total|count|sum|bucket)|envoy_.*_update_(success|rejected|failure|attempt)");

    public GatewayMetrics {
        series = List.copyOf(series);
    }

    /** Whether a value only grows (and restarts from 0 with its process) or can go either way. */
    public enum Kind {
        COUNTER, GAUGE;

        /**
         * The kind a metric name says: OpenMetrics' counter suffixes ({@code _total}, and a
         * histogram's {@code _count}, {@code _sum}, {@code _bucket}), Envoy's xDS update counters, and
         * the counters of ingress-nginx and Istio's pilot the drivers journal; a gauge otherwise.
         */
        public static Kind of(String name) {
            return COUNTERS.contains(name) || COUNTER_NAME.matcher(name).matches() ? COUNTER : GAUGE;
        }
    }

    /** One sample; seconds since the gateway started. */
    public record Point(double seconds, double value) {
    }

    /**
     * One series and its figures.
     *
     * @param labels  sorted by label name
     * @param change  a counter's increase over the run, a gauge's last minus first value
     * @param resets  times a counter dropped (its process restarted); 0 for a gauge
     * @param changes samples whose value differs from the sample before
     * @param points  every sample, in journal order
     */
    public record Series(String name, Map<String, String> labels, Kind kind, int samples, double firstSeconds,
                         double lastSeconds, double first, double last, double change, double min, double max,
                         int resets, int changes, List<Point> points) {

        public Series {
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
            points = List.copyOf(points);
        }

        /** The series as Prometheus writes it: {@code name{a="x",b="y"}}. */
        public String id() {
            return labels.isEmpty() ? name : name + labelText();
        }

        /** The labels as Prometheus writes them, {@code {a="x"}}, or empty. */
        public String labelText() {
            return labels.isEmpty() ? "" : labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
        }

        static Series of(String name, Map<String, String> labels, List<Point> points) {
            Kind kind = Kind.of(name);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double increase = 0;
            int resets = 0;
            int changes = 0;
            for (int i = 0; i < points.size(); i++) {
                double v = points.get(i).value();
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (i > 0) {
                    double before = points.get(i - 1).value();
                    if (v != before) {
                        changes++;
                    }
                    if (v >= before) {
                        increase += v - before;
                    } else {
                        resets++;
                        increase += v; // counted from 0 by the restarted process
                    }
                }
            }
            Point first = points.get(0);
            Point last = points.get(points.size() - 1);
            return new Series(name, labels, kind, points.size(), first.seconds(), last.seconds(), first.value(),
                    last.value(), kind == Kind.COUNTER ? increase : last.value() - first.value(), min, max,
                    kind == Kind.COUNTER ? resets : 0, changes, points);
        }
    }

    /** Whether the gateway's metrics were scraped at all. */
    public boolean any() {
        return !series.isEmpty();
    }

    /**
     * The series most worth a chart, at most {@code limit}: those whose value changed, counters
     * before gauges, then the ones that changed most often.
     */
    public List<Series> mostChanging(int limit) {
        return series.stream().filter(s -> s.changes() > 0)
                .sorted(Comparator.comparing(Series::kind).thenComparing(Comparator.comparingInt(Series::changes)
                        .reversed()).thenComparing(Series::id))
                .limit(limit).toList();
    }
}
